/// IWM's intraday record streak and its runs of beating SPY.
extension SampleVerifier {
    struct Run {
        let start: String
        let end: String
        let length: Int
    }

    func checkRecordStreak(_ history: PriceHistory, report: inout VerificationReport) {
        var streaks: [Int] = []
        var highestSoFar = -Double.infinity
        for high in history.high {
            let isRecord = high > highestSoFar
            streaks.append(isRecord ? (streaks.last ?? 0) + 1 : 0)
            highestSoFar = max(highestSoFar, high)
        }
        let length = SampleConstraints.finalStreakLength
        let yearEnd = history.index(of: SampleConstraints.yearEnd.description)
        report.check(streaks.last == length, "\(history.symbol) intraday record streak on \(SampleConstraints.lastSession) is \(streaks.last ?? 0) (want \(length))")
        report.check(yearEnd.map { streaks[$0] == 0 } ?? false, "\(history.symbol) \(SampleConstraints.yearEnd) is not a record high")
    }

    func checkOutperformanceRuns(leader: PriceHistory, benchmark: PriceHistory, report: inout VerificationReport) {
        let days = beatDays(leader: leader, benchmark: benchmark)
        let runs = longRuns(days)
        let finalStart = SampleConstraints.yearEnd.adding(days: 1).description
        let earlier = runs.filter { $0.end < finalStart }
        let finalStreak = days.reversed().prefix { $0.beat }.count
        let length = SampleConstraints.finalStreakLength
        report.check(days.last?.date == SampleConstraints.lastSession.description && finalStreak == length,
                     "IWM beat SPY \(finalStreak) sessions in a row through \(SampleConstraints.lastSession) (want \(length), 2025-12-31 not a beat)")
        let latest = earlier.last
        report.check(latest?.end.hasPrefix("2008-06") == true,
                     "latest earlier run of ≥\(SampleConstraints.longRunLength) beats: \(describe(latest)) (want June 2008)")
        let early = earlier.filter { $0.end < "2008-01-01" }
        report.check((1...2).contains(early.count), "runs of ≥\(SampleConstraints.longRunLength) in 2000–2007: \(early.map(describe).joined(separator: ", "))")
        report.check(runs.count == early.count + 2, "no other runs of ≥\(SampleConstraints.longRunLength) beats (found \(runs.count) in total)")
    }

    /// (date, IWM beat SPY) for every session present in both files where both have a previous close.
    func beatDays(leader: PriceHistory, benchmark: PriceHistory) -> [(date: String, beat: Bool)] {
        leader.dates.indices.dropFirst().compactMap { index in
            let date = leader.dates[index]
            guard let other = benchmark.index(of: date), other > 0 else { return nil }
            return (date, leader.dailyReturn(at: index) > benchmark.dailyReturn(at: other))
        }
    }

    private func longRuns(_ days: [(date: String, beat: Bool)]) -> [Run] {
        var runs: [Run] = []
        var length = 0
        for (offset, day) in days.enumerated() {
            length = day.beat ? length + 1 : 0
            let runEnds = day.beat && (offset + 1 == days.count || !days[offset + 1].beat)
            if runEnds, length >= SampleConstraints.longRunLength {
                runs.append(Run(start: days[offset - length + 1].date, end: day.date, length: length))
            }
        }
        return runs
    }

    private func describe(_ run: Run?) -> String {
        run.map { "\($0.start)…\($0.end) (\($0.length) sessions)" } ?? "none"
    }
}
