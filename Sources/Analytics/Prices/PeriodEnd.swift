import MarketData

/// A calendar month or year that ends with the note's session, and how it ranks among the
/// earlier complete ones in the data.
public struct PeriodEndFacts: Sendable, Codable, Hashable {
    /// `MTD` for a month, `YTD` for a year.
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

extension SessionDate {
    /// Whether no later weekday falls in the same month (`year`: the same year) as this date. A
    /// note knows only its own date, so the end of a month is told by the calendar; a holiday on
    /// the month's last weekday means its real last session is not recognised (a missed sentence,
    /// never a wrong one).
    public func isLastWeekday(ofYear year: Bool) -> Bool {
        var next = adding(days: 1)
        while next.weekday == 0 || next.weekday == 6 { next = next.adding(days: 1) }
        return year ? next.year != self.year : next.month != month
    }
}

extension SeriesAnalysis {
    /// The month (`MTD`) or year (`YTD`) ending at session `t`, when the calendar says it ends
    /// there, ranked against the earlier complete ones, found by walking back the chain of
    /// period bases (each month's base is the last session of the month before).
    func periodEnd(_ period: ReturnPeriod, at t: Int) -> PeriodEndFacts? {
        guard series.dates[t].isLastWeekday(ofYear: period == .yearToDate),
              let value = periodReturn(period, at: t)?.value else { return nil }
        var since: (end: Int, value: Double)?
        var earlier = 0, asExtreme = 0
        var end = bases.base(period, at: t)
        while let p = end, let result = periodReturn(period, at: p) {
            earlier += 1
            if value >= 0 ? result.value >= value : result.value <= value {
                asExtreme += 1
                if since == nil { since = (p, result.value) }
            }
            end = result.base
        }
        return PeriodEndFacts(period: period, value: value, since: since.map { series.dates[$0.end] }, sinceValue: since?.value,
                              earlierPeriods: earlier,
                              rarity: Rarity(earlierOccurrences: asExtreme, yearsOfHistory: series.dates[0].years(until: series.dates[t])))
    }

    /// The year that ends at `t`, else the month: a year's end is told as the year.
    func periodEnd(at t: Int) -> PeriodEndFacts? {
        periodEnd(.yearToDate, at: t) ?? periodEnd(.monthToDate, at: t)
    }
}
