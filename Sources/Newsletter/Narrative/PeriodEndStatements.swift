import Analytics
import MarketData

/// Sentences at the end of a calendar month or year: how the period ended, and how it ranks
/// ("SPX ended 2008 down 38.5%, its worst year since 1931").
enum PeriodEndStatements {
    /// A rank is news when it reaches at least this many periods back (a month: a year; a year:
    /// two), or, when nothing earlier was as extreme, covers twice as many earlier periods.
    static func minimumReach(_ period: ReturnPeriod) -> Int { period == .yearToDate ? 2 : 12 }

    static func make(_ context: NarrativeContext) -> [Statement] {
        context.facts.series.compactMap { series in
            guard series.sessionDate == context.facts.date, let end = series.periodEnd else { return nil }
            return statement(series, end, context)
        }
    }

    /// The ranked sentence, with a headline when the rank is news; a year's plain result otherwise
    /// (a month's plain result is the table's MTD column).
    private static func statement(_ series: SeriesFacts, _ end: PeriodEndFacts, _ context: NarrativeContext) -> Statement? {
        let figures = context.figures
        let isYear = end.period == .yearToDate
        let source = "series.\(series.symbol).periodEnd"
        let date = context.facts.date
        var values = ["symbol": series.symbol, "short": series.shortName, "month": NumberStyle.monthNames[date.month - 1],
                      "magnitude": figures.percent(abs(end.value), source + ".value", signed: false)]
            .merging(NarrativeContext.agreement(plural: series.plural)) { $1 }
        if isYear { values["year"] = figures.date(date, "date", style: yearOnly) }
        let reach = minimumReach(end.period)
        var ranked = false
        if let since = end.since, periodsBetween(since, date, isYear) >= reach {
            values["since"] = figures.date(since, source + ".since", style: isYear ? yearOnly : NumberStyle.monthYear)
            ranked = true
        } else if end.since == nil, end.earlierPeriods >= reach * 2 {
            values["startYear"] = figures.record(String(series.historyStart.year), "series.\(series.symbol).historyStart", nil)
            ranked = true
        }
        guard ranked || isYear else { return nil }
        let key = (isYear ? "year" : "month") + (end.value >= 0 ? "Up" : "Down")
        return Statement(.performance, score: ranked ? end.rarity.score : -1, topics: series.topics + ["performance"],
                         sentences: [context.sentence("periodEnd." + key, values)],
                         headline: ranked ? context.headline("headline.periodEnd." + key, values) : nil)
    }

    /// "2008": a year's "since" names the year.
    private static func yearOnly(_ date: SessionDate) -> String { String(date.year) }

    /// Whole months (years) from the one ending at `since` to the one ending at `date`.
    private static func periodsBetween(_ since: SessionDate, _ date: SessionDate, _ isYear: Bool) -> Int {
        isYear ? date.year - since.year : (date.year - since.year) * 12 + date.month - since.month
    }
}
