/// The GDP nowcast story, guidance-breadth leads, and IWM's follow-through after each earlier lead.
extension SampleVerifier {
    func checkGDPNowcast(report: inout VerificationReport) throws {
        let table = try CSVTable(directory: directory, name: GDPNowcastSeries.fileName)
        let quarters = try table.column("date")
        let values = try table.numbers("value", decimals: 1)
        let range = SampleConstraints.gdpQuarters
        let expected = Quarter.range(from: range.lowerBound, through: range.upperBound).map(\.description)
        report.check(table.header == ["date", "value"] && quarters == expected, "gdp-nowcast.csv: quarters \(expected.first ?? "")…\(expected.last ?? "")")
        let value = Dictionary(uniqueKeysWithValues: zip(quarters, values))
        let threshold = SampleConstraints.gdpThreshold
        let pandemic = Set(Quarter.range(from: SampleConstraints.pandemicQuarters.lowerBound, through: SampleConstraints.pandemicQuarters.upperBound).map(\.description))
        func latestReaching(before quarter: String) -> String? {
            quarters.last { $0 < quarter && !pandemic.contains($0) && value[$0, default: 0] >= threshold }
        }
        report.check(value["2025Q4"] == threshold, "GDP 2025Q4 = \(value["2025Q4"] ?? .nan)")
        let previous = latestReaching(before: "2025Q4")
        report.check(previous == "2014Q2", "latest earlier quarter ≥ \(threshold) outside 2020–21: \(previous ?? "none") (\(value[previous ?? ""] ?? .nan))")
        let before = latestReaching(before: "2014Q2")
        report.check(before == "2006Q1", "latest quarter ≥ \(threshold) before 2014Q2: \(before ?? "none") (\(value[before ?? ""] ?? .nan))")
        report.check(pandemic.contains { value[$0, default: 0] > threshold } && value["2020Q2", default: 0] < -20,
                     "2020–21 has quarters above \(threshold) (2020Q3 \(value["2020Q3"] ?? .nan)) and a deep drop (2020Q2 \(value["2020Q2"] ?? .nan))")
        let weak2001 = quarters.filter { $0.hasPrefix("2001") }.allSatisfy { value[$0, default: 9] < 2 }
        report.check(value["2008Q4", default: 0] < 0 && value["2009Q1", default: 0] < 0 && weak2001, "2008Q4 and 2009Q1 negative, 2001 weak")
    }

    /// Checks the lead months and returns the earlier firing months (a lead month not preceded by one).
    func checkGuidance(report: inout VerificationReport) throws -> [String] {
        let table = try CSVTable(directory: directory, name: GuidanceBreadthSeries.fileName)
        let months = try table.column("date")
        let small = try table.numbers("small", decimals: 1)
        let others = zip(try table.numbers("mid", decimals: 1), try table.numbers("large", decimals: 1)).map { max($0, $1) }
        let range = SampleConstraints.guidanceMonths
        let expected = YearMonth.range(from: range.lowerBound, through: range.upperBound).map(\.description)
        report.check(table.header == ["date", "small", "mid", "large"] && months == expected, "guidance.csv: months \(expected.first ?? "")…\(expected.last ?? "")")
        let leads = months.indices.filter { small[$0] > others[$0] }.map { months[$0] }
        let wanted = SampleConstraints.smallLeadMonths.map(\.description).sorted()
        report.check(leads == wanted, "small caps lead in exactly \(leads.joined(separator: ", "))")
        report.check(months.indices.allSatisfy { small[$0] != others[$0] }, "no month where small ties the best of mid and large")
        let values = try ["small", "mid", "large"].flatMap { try table.numbers($0, decimals: 1) }
        report.check(values.allSatisfy { (5...30).contains($0) }, "guidance values within 5–30% (\(values.min() ?? 0)…\(values.max() ?? 0))")
        let leadSet = Set(leads)
        let latest = YearMonth(SampleConstraints.lastSession).description
        return months.indices.filter { leadSet.contains(months[$0]) && ($0 == 0 || !leadSet.contains(months[$0 - 1])) }
            .map { months[$0] }
            .filter { $0 < latest }
    }

    func checkFollowThrough(after firings: [String], leader: PriceHistory, benchmark: PriceHistory, report: inout VerificationReport) {
        for month in firings {
            guard let start = benchmark.dates.firstIndex(where: { $0.hasPrefix(month) }),
                  let leaderStart = leader.index(of: benchmark.dates[start])
            else {
                report.check(false, "firing \(month): no session")
                continue
            }
            for horizon in SampleConstraints.followThroughHorizons {
                let relative = relativeReturn(leader: leader, from: leaderStart, benchmark: benchmark, from: start, sessions: horizon)
                report.check((relative ?? 0) > SampleConstraints.minimumFollowThrough,
                             "after \(benchmark.dates[start]) IWM vs SPY over \(horizon) sessions: \(relative.map(Self.percent) ?? "n/a") (want > +2%)")
            }
        }
    }

    private func relativeReturn(leader: PriceHistory, from leaderStart: Int, benchmark: PriceHistory, from start: Int, sessions: Int) -> Double? {
        guard let leaderReturn = leader.forwardReturn(from: leaderStart, sessions: sessions),
              let benchmarkReturn = benchmark.forwardReturn(from: start, sessions: sessions)
        else { return nil }
        return (1 + leaderReturn) / (1 + benchmarkReturn) - 1
    }
}
