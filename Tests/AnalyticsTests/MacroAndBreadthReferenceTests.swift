import Analytics
import MarketData
import Testing
import TestSupport

/// Macro and breadth facts around every release of random histories agree with a naive reading of the
/// definitions in DESIGN.md: each answer searched from scratch over every period, with no index.
@Suite struct MacroAndBreadthReferenceTests {
    /// The day an observation of `period` is known, counted by hand from the availability.
    private static func known(_ period: ObservationPeriod, _ availability: Availability) -> SessionDate {
        availability.anchor == .periodStart
            ? period.firstDay.adding(days: availability.lagDays) : period.lastDay.adding(days: 1 + availability.lagDays)
    }

    /// The days around each period's release: the day before, the day itself and the day after.
    private static func daysAroundReleases(_ periods: [ObservationPeriod], _ availability: Availability) -> [SessionDate] {
        Set(periods.flatMap { period in (-1...1).map { known(period, availability).adding(days: $0) } }).sorted()
    }

    /// Consecutive periods of `frequency` from 2000 with some left out, as a file with gaps has them.
    private static func periods(_ frequency: Frequency, count: Int, _ random: inout RandomMarket) -> [ObservationPeriod] {
        let first: ObservationPeriod = switch frequency {
        case .daily: .day(SessionDate(year: 2000, month: 1, day: 3)!)
        case .monthly: .month(year: 2000, month: 1)
        case .quarterly: .quarter(year: 2000, quarter: 1)
        }
        return (0..<count).map { first.advanced(by: $0) }.filter { _ in random.uniform() > 0.15 }
    }

    @Test(arguments: [(Frequency.daily, 1), (.monthly, 2), (.quarterly, 3), (.daily, 4)] as [(Frequency, UInt64)])
    func macroFactsAgreeWithANaiveSearchAroundEveryRelease(frequency: Frequency, seed: UInt64) throws {
        var random = RandomMarket(seed: seed)
        let periods = Self.periods(frequency, count: 400, &random)
        let values: [Double?] = periods.map { _ in random.uniform() < 0.1 ? nil : Double(random.int(-20...20)) }
        let windows = (0..<3).map { index in
            let start = random.int(0...(periods.count - 1))
            let end = min(periods.count - 1, start + random.int(0...30))
            return ExclusionWindow(from: periods[start], to: periods[end], label: "window \(index)")
        } + [ExclusionWindow(from: periods.last!.advanced(by: 2), to: periods.last!.advanced(by: 9), label: "after the data")]
        let availability = Availability(random.int(0...1) == 0 ? .periodStart : .periodEnd, lagDays: random.int(0...40))
        let config = MacroConfig(id: "g", name: "g", shortName: "g", file: "g.csv", column: nil, transform: .none, unit: "%",
                                 exclude: windows, availability: availability, topics: [], location: SourceLocation(path: "test"))
        let analysis = MacroAnalysis(config: config, series: ObservationSeries(id: "g", periods: periods, values: values))
        let excluded = periods.map { period in windows.contains { $0.contains(period) } }

        /// The latest earlier period at least as extreme as t (skipping windows unless t is in one), and
        /// the windows holding a reading as extreme between that period and t.
        func naiveExtreme(_ t: Int, sign: Double) -> (since: Int?, skipped: [String]) {
            let value = values[t]! * sign
            let reaches = { (p: Int) in values[p].map { $0 * sign >= value } ?? false }
            let since = (0..<t).last { reaches($0) && (excluded[t] || !excluded[$0]) }
            let skipped = excluded[t] ? [] : windows.filter { window in
                ((since ?? -1) + 1..<t).contains { window.contains(periods[$0]) && reaches($0) }
            }
            return (since, skipped.map(\.label))
        }

        for date in Self.daysAroundReleases(periods, availability) {
            let facts = analysis.facts(knownOn: date)
            let t = periods.indices.last { Self.known(periods[$0], availability) <= date && values[$0] != nil }
            #expect(facts?.period == t.map { periods[$0] }, "\(date)")
            if let t, let facts {
                let previous = (0..<t).last { values[$0] != nil }
                #expect(facts.previous?.period == previous.map { periods[$0] }, "\(date)")
                // A high or a low against the latest reading it is compared with (outside every
                // window, unless t is in one).
                let compared = (0..<t).last { values[$0] != nil && (excluded[t] || !excluded[$0]) }
                let rising = compared.map { values[t]! > values[$0]! } ?? false
                let falling = compared.map { values[t]! < values[$0]! } ?? false
                let high = naiveExtreme(t, sign: 1), low = naiveExtreme(t, sign: -1)
                #expect(facts.highest?.since?.period == (rising ? high.since.map { periods[$0] } : nil), "\(date)")
                #expect(facts.highest?.skippedWindows == (rising ? high.skipped : nil), "\(date)")
                #expect(facts.lowest?.since?.period == (falling ? low.since.map { periods[$0] } : nil), "\(date)")
                #expect(facts.lowest?.skippedWindows == (falling ? low.skipped : nil), "\(date)")
            }
        }
    }

    @Test(arguments: [5, 6, 7] as [UInt64])
    func breadthFactsAgreeWithANaiveSearchAroundEveryRelease(seed: UInt64) {
        var random = RandomMarket(seed: seed)
        let periods = Self.periods(.monthly, count: 200, &random)
        let columns: [[Double?]] = (0..<3).map { _ in periods.map { _ in random.uniform() < 0.05 ? nil : Double(random.int(1...4)) } }
        let availability = Availability(.periodEnd, lagDays: random.int(0...20))
        let config = BreadthConfig(
            id: "b", name: "b", shortName: "b", file: "b.csv",
            groups: ["s", "m", "l"].map { BreadthGroup(column: $0, label: $0, plural: true) },
            focus: "s", outcome: nil, availability: availability, topics: [], location: SourceLocation(path: "test"))
        let table = ObservationTable(frequency: .monthly, periods: periods, columnNames: ["s", "m", "l"], values: columns)
        let analysis = BreadthAnalysis(config: config, table: table)
        // The focus group leads where its value is present and above both others.
        let leads = periods.indices.map { t in
            columns.allSatisfy { $0[t] != nil } && columns[0][t]! > columns[1][t]! && columns[0][t]! > columns[2][t]!
        }
        let starts = periods.indices.filter { leads[$0] && ($0 == 0 || !leads[$0 - 1]) }
        /// Periods since the previous lead's last period (or since the period before the table).
        func gap(before start: Int) -> Int { start - ((0..<start).last { leads[$0] } ?? -1) }

        for date in Self.daysAroundReleases(periods, availability) {
            let t = periods.indices.last { Self.known(periods[$0], availability) <= date }
            #expect(analysis.position(knownOn: date) == t, "\(date)")
            if let t {
                let currentStart = leads[t] ? starts.last { $0 <= t }! : t + 1
                // A lead needs an earlier reading without it: one the table opens with is not counted.
                let earlier = starts.filter { $0 > 0 && $0 < currentStart }
                let facts = analysis.facts(at: t, outcomes: nil)
                #expect(facts.earlierLeads == earlier.count, "\(date)")
                #expect(analysis.earlierLeadStarts(before: t) == earlier, "\(date)")
                #expect(facts.previousLead == (0..<currentStart).last { leads[$0] }.map { periods[$0] }, "\(date)")
                if facts.newLead {
                    let asLong = earlier.filter { gap(before: $0) >= gap(before: t) }.count
                    #expect(facts.rarity.earlierOccurrences == asLong, "\(date)")
                }
            }
        }
    }
}
