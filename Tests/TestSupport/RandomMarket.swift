import MarketData

/// Random but reproducible market histories for property tests: two price series with gaps, a
/// later start, flat days and runs, a quarterly macro series and a monthly breadth table.
public struct RandomMarket {
    private var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed &+ 0x9E37_79B9_7F4A_7C15) }

    public mutating func next() -> UInt64 { random.next() }

    public mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    /// Weekdays from 2015-01-01.
    public static func weekdays(_ count: Int) -> [SessionDate] {
        var dates: [SessionDate] = []
        var day = SessionDate(year: 2015, month: 1, day: 1)!
        while dates.count < count {
            if day.weekday != 0 && day.weekday != 6 { dates.append(day) }
            day = day.adding(days: 1)
        }
        return dates
    }

    /// A random walk with trending runs and exactly repeated closes, over `dates`.
    public mutating func prices(_ symbol: String, dates: [SessionDate]) -> PriceSeries {
        var close = 100.0
        var closes: [Double] = [], highs: [Double] = [], lows: [Double] = []
        var drift = 0.0
        for _ in dates {
            if uniform() < 0.05 { drift = (uniform() - 0.4) * 0.02 }
            if uniform() > 0.08 { close *= 1 + drift + (uniform() - 0.5) * 0.03 }
            close = max(close, 1)
            closes.append((close * 100).rounded() / 100)
            highs.append(((close * (1 + uniform() * 0.01)) * 100).rounded(.up) / 100)
            lows.append(((close * (1 - uniform() * 0.01)) * 100).rounded(.down) / 100)
        }
        return PriceSeries(symbol: symbol, dates: dates, open: closes, high: highs, low: lows, close: closes)
    }

    /// A project of two series (B misses random sessions, A starts later), macro and breadth.
    public mutating func project(sessions: Int) -> ProjectInputs {
        let all = Self.weekdays(sessions)
        let start = int(0...60)
        let aDates = Array(all[start...])
        let bDates = all.filter { _ in uniform() > 0.03 }
        let a = prices("A", dates: aDates), b = prices("B", dates: bDates)
        let quarters = (0..<(sessions / 60 + 2)).map { ObservationPeriod.quarter(year: 2015 + $0 / 4, quarter: $0 % 4 + 1) }
        let growth: [Double?] = quarters.map { _ in uniform() < 0.05 ? nil : ((uniform() - 0.3) * 80).rounded() / 10 }
        let months = (0..<(sessions / 20 + 3)).map { ObservationPeriod.month(year: 2015 + $0 / 12, month: $0 % 12 + 1) }
        let columns: [[Double?]] = (0..<3).map { _ in months.map { _ in Double(int(5...30)) } }
        let location = SourceLocation(path: "random")
        let config = ProjectConfig(
            title: "Random", description: "", baseURL: "https://random.example/", language: "en", author: "",
            disclaimer: nil, email: EmailSettings(from: "r@example.com", subjectPrefix: nil),
            series: ["A", "B"].map { SeriesConfig(symbol: $0, name: $0, shortName: $0, plural: false, file: $0, returns: .price,
                                                  topics: [], location: location) },
            comparisons: [ComparisonConfig(leader: "A", benchmark: "B", location: location)],
            macro: [MacroConfig(id: "g", name: "growth", shortName: "growth", file: "g", column: nil, transform: .none, unit: "%",
                                exclude: [ExclusionWindow(from: quarters[2], to: quarters[3], label: "a window")],
                                availability: .periodStart, topics: [], location: location)],
            breadth: [BreadthConfig(id: "b", name: "breadth", shortName: "breadth", file: "b",
                                    groups: ["s", "m", "l"].map { BreadthGroup(column: $0, label: $0, plural: true) },
                                    focus: "s", outcome: (leader: "A", benchmark: "B"), availability: .periodStart,
                                    topics: [], location: location)],
            quotes: QuoteSettings(windowDays: 14, maximum: 3), since: [ReferenceDate(date: all[sessions / 3], label: "then", location: SourceLocation(path: "marketnote.yml"))],
            outputDirectory: "output", path: "random.yml")
        return ProjectInputs(
            config: config, root: "/", prices: [a, b],
            macro: ["g": ObservationSeries(id: "g", periods: quarters, values: growth)],
            breadth: ["b": ObservationTable(frequency: .monthly, periods: months, columnNames: ["s", "m", "l"], values: columns)],
            quotes: [], commentary: [:])
    }
}

extension ProjectInputs {
    /// The same project as it stood on `date`: prices through that session, observations known by then.
    public func truncated(through date: SessionDate) -> ProjectInputs {
        var copy = self
        copy.prices = prices.map { $0.truncated(through: date) }.filter { !$0.isEmpty }
        for item in config.macro {
            guard let series = macro[item.id] else { continue }
            let known = series.periods.prefix { Availability.observationKnown($0, on: date, item.availability) }.count
            copy.macro[item.id] = ObservationSeries(id: series.id, periods: Array(series.periods.prefix(known)),
                                                    values: Array(series.values.prefix(known)))
        }
        for item in config.breadth {
            guard let table = breadth[item.id] else { continue }
            let known = table.periods.prefix { Availability.observationKnown($0, on: date, item.availability) }.count
            copy.breadth[item.id] = ObservationTable(frequency: table.frequency, periods: Array(table.periods.prefix(known)),
                                                     columnNames: table.columnNames, values: table.values.map { Array($0.prefix(known)) })
        }
        return copy
    }
}

extension Availability {
    /// Whether an observation of `period` is known on `date` (restated here so this support code
    /// does not lean on the Analytics implementation it helps to test).
    static func observationKnown(_ period: ObservationPeriod, on date: SessionDate, _ availability: Availability) -> Bool {
        availability == .periodStart ? period.firstDay <= date : period.lastDay < date
    }
}
