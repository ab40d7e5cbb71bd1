/// Layout and per-row sanity of the price files, and the year-to-date targets.
extension SampleVerifier {
    func checkLayout(_ history: PriceHistory, firstSession: CalendarDate, report: inout VerificationReport) {
        let file = "\(history.symbol).csv"
        let expected = TradingCalendar(from: firstSession, through: SampleConstraints.lastSession).sessions.map(\.description)
        report.check(history.header == ["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"], "\(file): Yahoo header")
        report.check(history.dates == expected, "\(file): \(history.dates.count) rows, one per NYSE session \(expected.first ?? "")…\(expected.last ?? "")")
        let badBars = history.dates.indices.filter { !isConsistentBar(history, at: $0) }
        report.check(badBars.isEmpty, "\(file): 0 < Low <= min(Open,Close) <= max(Open,Close) <= High, volume > 0 (\(badBars.count) bad rows)")
        let bigGaps = history.dates.indices.dropFirst().filter { abs(history.open[$0] / history.close[$0 - 1] - 1) > 0.08 }
        report.check(bigGaps.isEmpty, "\(file): every open within 8% of the previous close (\(bigGaps.count) exceptions)")
        report.check(hasRisingDividendFactor(history), "\(file): Adj Close/Close rises to 1.0 on the last session")
    }

    func checkYearToDate(_ histories: [PriceHistory], report: inout VerificationReport) {
        for goal in SampleConstraints.yearToDate {
            guard let history = histories.first(where: { $0.symbol == goal.symbol }),
                  let end = history.index(of: SampleConstraints.lastSession.description),
                  let base = history.index(of: SampleConstraints.yearEnd.description)
            else {
                report.check(false, "YTD \(goal.symbol): missing sessions")
                continue
            }
            let ytd = history.close[end] / history.close[base] - 1
            let range = "\(Self.percent(goal.allowed.lowerBound))…\(Self.percent(goal.allowed.upperBound))"
            report.check(goal.allowed.contains(ytd), "YTD \(goal.symbol) \(Self.percent(ytd)) (\(Self.price(history.close[base])) → \(Self.price(history.close[end]))) within \(range)")
        }
    }

    private func isConsistentBar(_ history: PriceHistory, at index: Int) -> Bool {
        let bodyLow = min(history.open[index], history.close[index])
        let bodyHigh = max(history.open[index], history.close[index])
        return history.low[index] > 0 && history.low[index] <= bodyLow && bodyHigh <= history.high[index]
            && history.volume[index] > 0
    }

    /// Each factor Adj Close/Close is known to half a cent; some rising sequence must fit inside those bounds and end at 1.
    private func hasRisingDividendFactor(_ history: PriceHistory) -> Bool {
        guard let last = history.close.indices.last, history.adjClose[last] == history.close[last] else { return false }
        var highestLowerBound = 0.0
        for index in history.close.indices {
            let lower = (history.adjClose[index] - 0.0051) / history.close[index]
            let upper = (history.adjClose[index] + 0.0051) / history.close[index]
            if lower > 1 || upper < highestLowerBound { return false }
            highestLowerBound = max(highestLowerBound, lower)
        }
        return true
    }
}
