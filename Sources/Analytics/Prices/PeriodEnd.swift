import MarketData

/// A calendar month, quarter or year that ends with the note's session, and how it ranks among
/// the earlier complete ones in the data.
public struct PeriodEndFacts: Sendable, Codable, Hashable {
    /// `MTD` for a month, `QTD` for a quarter, `YTD` for a year.
    public var period: ReturnPeriod
    /// The month's (year's) return: the MTD (YTD) return on its last session.
    public var value: Double
    /// The last session of the latest earlier month (year) with a return at least as high (for a
    /// gain) or as low (for a loss); nil when none in the data.
    public var since: SessionDate?
    /// That month's (year's) return.
    public var sinceValue: Double?
    /// Complete earlier months (years) in the data: the first, partial one has no return.
    public var earlierPeriods: Int
    /// How often an earlier month (year) was at least as good, or as bad.
    public var rarity: Rarity
}

/// The months (or years) of one series, each with its return, indexed once so that a period
/// end ranks itself in O(log n): walking back through every earlier month at each month's end
/// made the analytics grow with the square of the history.
struct CalendarPeriodIndex: Sendable {
    let period: ReturnPeriod
    /// The last session of each period in the data, ascending (the last session of all counts: a
    /// daily note's month ends there), and the period's return. Only the first period has none:
    /// nothing before it in the data is its base.
    private let ends: [Int]
    private let values: [Double?]
    private let latestAsHigh: PreviousAtLeastIndex
    private let latestAsLow: PreviousAtLeastIndex
    private let earlierAsHigh: [Int32]
    private let earlierAsLow: [Int32]

    /// `bases` tells where periods end: session t ends one when it is the base of t + 1's `period` return.
    init(_ period: ReturnPeriod, count: Int, bases: ReturnBases, closes: [Double]) {
        self.period = period
        let ends = (0..<count).filter { t in t + 1 == count || bases.base(period, at: t + 1) == t }
        let values = ends.map { t in bases.base(period, at: t).map { closes[t] / closes[$0] - 1 } }
        self.ends = ends
        self.values = values
        let negated = values.map { $0.map { -$0 } }
        latestAsHigh = PreviousAtLeastIndex(values)
        latestAsLow = PreviousAtLeastIndex(negated)
        earlierAsHigh = EarlierCountIndex(values).atLeast
        earlierAsLow = EarlierCountIndex(negated).atLeast
    }

    /// The period ending at session `t`, ranked: the latest earlier one at least as good (a gain)
    /// or as bad (a loss), and how many were.
    func facts(at t: Int, dates: [SessionDate]) -> PeriodEndFacts? {
        let i = ends.partitioningIndex { $0 >= t }
        guard i < ends.count, ends[i] == t, let value = values[i] else { return nil }
        let gain = value >= 0
        let since = gain ? latestAsHigh.latest(before: i, atLeast: value) : latestAsLow.latest(before: i, atLeast: -value)
        return PeriodEndFacts(period: period, value: value, since: since.map { dates[ends[$0]] }, sinceValue: since.flatMap { values[$0] },
                              earlierPeriods: i - 1, // every earlier period but the first, partial one
                              rarity: Rarity(earlierOccurrences: Int((gain ? earlierAsHigh : earlierAsLow)[i]),
                                             yearsOfHistory: dates[0].years(until: dates[t])))
    }
}

extension SeriesAnalysis {
    /// The month (`index` of months), quarter or year that ends at `t`, when the exchange's
    /// calendar says one ends there.
    func periodEnd(_ index: CalendarPeriodIndex, at t: Int) -> PeriodEndFacts? {
        let date = series.dates[t]
        guard calendar.isLastSession(date, ofYear: index.period == .yearToDate),
              index.period != .quarterToDate || date.month % 3 == 0 else { return nil }
        return index.facts(at: t, dates: series.dates)
    }
}
