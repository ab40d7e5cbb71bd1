import Foundation
import MarketData

/// A macro series analysed for every period: the reported value, "highest since" and "lowest
/// since" with exclusion windows and "before that".
public struct MacroAnalysis: Sendable {
    public let config: MacroConfig
    public let periods: [ObservationPeriod]
    /// The values the note reports (after the configured transform); nil when missing.
    public let values: [Double?]
    /// Per period: the latest position at or before it with a value, or -1.
    private let latestValued: [Int32]
    private let highs: ExtremeSearch
    private let lows: ExtremeSearch

    /// The decimals a note prints a reading with ("2.0%"). Readings are compared at this precision,
    /// so that "the lowest since" holds for the figures a reader sees: growth of 2.0151% is not the
    /// lowest since a 2.0153% that prints alike.
    public static let printedDecimals = DecimalRounding.rateDecimals

    public init(config: MacroConfig, series: ObservationSeries) {
        self.config = config
        periods = series.periods
        let values = config.transform == .annualisedGrowth ? Self.annualisedGrowth(series) : series.values
        self.values = values
        var latest: Int32 = -1
        latestValued = values.indices.map { t in
            if values[t] != nil { latest = Int32(t) }
            return latest
        }
        let printed = values.map { $0.map { DecimalRounding.rounded($0, decimals: Self.printedDecimals) } }
        highs = ExtremeSearch(printed, reported: values, periods: periods, exclude: config.exclude)
        lows = ExtremeSearch(printed.map { $0.map { -$0 } }, reported: values, periods: periods, exclude: config.exclude)
    }

    /// ((L_t / L_{t−1})^4 − 1) × 100 for consecutive quarters; nil where a level is missing.
    static func annualisedGrowth(_ series: ObservationSeries) -> [Double?] {
        series.values.indices.map { t in
            guard t > 0, let level = series.values[t], let previous = series.values[t - 1], previous > 0,
                  series.periods[t].ordinal == series.periods[t - 1].ordinal + 1 else { return nil }
            return (pow(level / previous, 4) - 1) * 100
        }
    }

    /// The latest period with a value that is known on `date`.
    public func position(knownOn date: SessionDate) -> Int? {
        let known = config.availability.knownCount(periods, on: date)
        guard known > 0, latestValued[known - 1] >= 0 else { return nil }
        return Int(latestValued[known - 1])
    }

    public func facts(knownOn date: SessionDate) -> MacroFacts? {
        guard let t = position(knownOn: date), let value = values[t] else { return nil }
        let previous = (0..<t).last { values[$0] != nil }.map { ObservationPointFacts(period: periods[$0], value: values[$0]!) }
        // Rising or falling against the reading the searches compare it with, not the previous
        // one: 3.8 after a skipped window that ended at 7.0 is the highest since 4.0 years before.
        let printed = highs.values[t]!
        let compared = highs.latestCompared(before: t).flatMap { highs.values[$0] }
        let isRising = compared.map { printed > $0 } ?? false
        let isFalling = compared.map { printed < $0 } ?? false
        // Stale: the data stops at least two periods before what should be known by now.
        let stale = Availability.isKnown(periods[t].advanced(by: 2), on: date, config.availability)
        return MacroFacts(
            id: config.id, name: config.name, shortName: config.shortName, unit: config.unit, topics: config.topics, period: periods[t], firstPeriod: periods[0],
            knownSince: config.availability.knownDate(periods[t]), value: value,
            previous: previous,
            highest: isRising ? highs.facts(at: t) : nil,
            lowest: isFalling ? lows.facts(at: t) : nil,
            isStale: stale)
    }
}

extension Availability {
    /// The first day an observation of `period` is known.
    public func knownDate(_ period: ObservationPeriod) -> SessionDate {
        (anchor == .periodStart ? period.firstDay : period.lastDay.adding(days: 1)).adding(days: lagDays)
    }

    /// How many of `periods` are known on `date`. A series' periods ascend in one frequency (the
    /// loader checks), so the known ones are a prefix, and a binary search finds where it ends.
    func knownCount(_ periods: [ObservationPeriod], on date: SessionDate) -> Int {
        periods.partitioningIndex { !Self.isKnown($0, on: date, self) }
    }

    /// Whether an observation of `period` is known on `date` (on or after `knownDate(period)`).
    public static func isKnown(_ period: ObservationPeriod, on date: SessionDate, _ availability: Availability) -> Bool {
        let shifted = availability.lagDays == 0 ? date : date.adding(days: -availability.lagDays)
        return availability.anchor == .periodStart ? period.firstDay <= shifted : period.lastDay < shifted
    }
}

/// "Highest since" over a value series: the latest earlier period at least as high, skipping
/// exclusion windows, and the one before that. Lows use the same search on negated values. The
/// values compared are as printed; the facts report the readings themselves.
///
/// A reading inside an exclusion window is compared with every earlier one: the window sets aside
/// abnormal readings when judging normal ones, and a reading of the rebound is one of them.
struct ExtremeSearch: Sendable {
    /// The values compared (as printed, negated for lows).
    let values: [Double?]
    /// The readings the facts report.
    let reported: [Double?]
    let periods: [ObservationPeriod]
    let exclude: [ExclusionWindow]
    /// Per period: whether it lies inside an exclusion window.
    private let excluded: [Bool]
    /// Per exclusion window: the positions of the periods inside it, consecutive since periods ascend.
    private let windowPositions: [Range<Int>]
    private let withExclusions: PreviousAtLeastIndex
    private let withoutExclusions: PreviousAtLeastIndex
    /// Per period: how many earlier periods reached at least as far back.
    private let earlierAtLeastAsFarBack: [Int32]

    init(_ values: [Double?], reported: [Double?], periods: [ObservationPeriod], exclude: [ExclusionWindow]) {
        self.values = values
        self.reported = reported
        self.periods = periods
        self.exclude = exclude
        let excluded = periods.map { period in exclude.contains { $0.contains(period) } }
        self.excluded = excluded
        windowPositions = exclude.map { window in
            guard let first = periods.firstIndex(where: window.contains) else { return 0..<0 }
            return first..<(periods[first...].firstIndex { !window.contains($0) } ?? periods.count)
        }
        let eligible = values.indices.map { t in excluded[t] ? nil : values[t] }
        withExclusions = PreviousAtLeastIndex(eligible)
        withoutExclusions = PreviousAtLeastIndex(values)
        // Readings before each position that a search outside the windows can compare with.
        var eligibleBefore = [0]
        for value in eligible { eligibleBefore.append(eligibleBefore[eligibleBefore.count - 1] + (value == nil ? 0 : 1)) }
        let (filtered, unfiltered) = (withExclusions, withoutExclusions)
        // How far back a reading reaches, in the readings it was compared with: a window skipped
        // between it and its "since" adds nothing, so two low readings after the window do not
        // make a third "the highest in years".
        let reach: [Double?] = values.indices.map { t in
            values[t].map { value in
                if excluded[t] { return Double(t - (unfiltered.latest(before: t, atLeast: value) ?? -1)) }
                let since = filtered.latest(before: t, atLeast: value)
                return Double(eligibleBefore[t] - (since.map { eligibleBefore[$0 + 1] } ?? 0) + 1)
            }
        }
        earlierAtLeastAsFarBack = EarlierCountIndex(reach).atLeast
    }

    /// The latest earlier reading the search from `t` compares with: the latest outside every
    /// window, or, for a reading inside one, the latest of all.
    func latestCompared(before t: Int) -> Int? {
        (excluded[t] ? withoutExclusions : withExclusions).latest(before: t, atLeast: -.greatestFiniteMagnitude)
    }

    func facts(at t: Int) -> ExtremeFacts? {
        guard let value = values[t] else { return nil }
        let search = excluded[t] ? withoutExclusions : withExclusions
        let since = search.latest(before: t, atLeast: value)
        let beforeThat = since.flatMap { search.latest(before: $0, atLeast: value) }
        let unfiltered = withoutExclusions.latest(before: t, atLeast: value)
        // A window is skipped when a reading inside it, between the answer and t, was as high.
        let between = (since ?? -1) + 1..<t
        let skipped = excluded[t] ? [] : zip(exclude, windowPositions).filter { _, positions in
            withoutExclusions.contains(atLeast: value, in: positions.clamped(to: between))
        }.map(\.0.label)
        func point(_ p: Int?) -> ObservationPointFacts? {
            p.map { ObservationPointFacts(period: periods[$0], value: reported[$0]!) }
        }
        let years = periods[0].firstDay.years(until: periods[t].lastDay)
        return ExtremeFacts(since: point(since), beforeThat: point(beforeThat), skippedWindows: skipped,
                            sinceWithoutExclusions: point(unfiltered), periodsSince: t - (since ?? -1),
                            rarity: Rarity(earlierOccurrences: Int(earlierAtLeastAsFarBack[t]), yearsOfHistory: years))
    }
}
