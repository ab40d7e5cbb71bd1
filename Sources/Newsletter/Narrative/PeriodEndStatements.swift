import Analytics
import MarketData

/// Sentences at the end of a calendar month, quarter or year: how the period ranks ("SPX ended
/// 2008 down 38.5%, its worst year in this data"; after it, December's: "In December alone, SPX
/// fell 9.2%, its worst month since February 2009."; "SPX rose 15.2% in the second quarter, its
/// best quarter since the fourth quarter of 1998."), and, at a year's end, every other series'
/// result in one sentence ("In 2024, IWM rose 10.6% and SPY rose 22.7%.").
enum PeriodEndStatements {
    /// A rank is news when it reaches at least this many periods back (a month: a year; a
    /// quarter: two years, as "its worst quarter since the second quarter of 1951" for a 1.7%
    /// fall is not; a year: three, as "its best year since 2023" is not), or, when nothing earlier
    /// was as extreme, covers twice as many earlier periods.
    static func minimumReach(_ period: ReturnPeriod) -> Int {
        switch period {
        case .yearToDate: 3
        case .quarterToDate: 8
        default: 12
        }
    }

    /// The year's plain results come before the other performance sentences (drawdowns at -0.8,
    /// the year-to-date gap at -1), so the year's results read together.
    static let plainYearScore = -0.7

    static func make(_ context: NarrativeContext) -> [Statement] {
        var statements: [Statement] = []
        var plainYears: [(SeriesFacts, PeriodEndFacts)] = []
        for series in context.facts.series where series.sessionDate == context.facts.date {
            guard let yearEnd = series.yearEnd else {
                let month = series.monthEnd.flatMap { ranked(series, $0, context) }
                // A quarter that ranks leads, and its last month's rank follows it; at a year's
                // end the year tells both.
                if var quarter = series.quarterEnd.flatMap({ ranked(series, $0, context) }) {
                    if let month { quarter.append(month) }
                    statements.append(quarter)
                } else if let month {
                    statements.append(month)
                }
                continue
            }
            // On a year's last session the year leads, and December's rank follows it ("In December
            // alone, SPX fell 9.2%, …"): December's headline had taken the year's.
            let december = series.monthEnd.flatMap { ranked(series, $0, context, key: "periodEnd.december") }
            if var year = ranked(series, yearEnd, context) {
                if let december { year.append(december) }
                statements.append(year)
            } else {
                plainYears.append((series, yearEnd))
                if var december {
                    (december.headline, december.headlinesAQuietSession) = (nil, false)
                    december.score = plainYearScore - 0.05 // after the year's results
                    statements.append(december)
                }
            }
        }
        if let year = plainYearResults(plainYears, context) { statements.append(year) }
        return statements
    }

    /// "SPX fell 16.9% in October, its worst month since October 1987.", with its headline; nil
    /// when the rank is not news, or the period was flat ("down 0.0%, its worst year since 2008"
    /// told a year of −0.003%). `key` names the sentence (`periodEnd.month…` or `.year…` unless
    /// given).
    private static func ranked(_ series: SeriesFacts, _ end: PeriodEndFacts, _ context: NarrativeContext,
                               key sentenceKey: String? = nil) -> Statement? {
        guard !MoveStatements.isFlat(end.value) else { return nil }
        let figures = context.figures
        let kind = end.period == .yearToDate ? "year" : end.period == .quarterToDate ? "quarter" : "month"
        let source = "series.\(series.symbol).\(kind)End"
        let date = context.facts.date
        var values = context.names(series).plain
        let reach = minimumReach(end.period)
        if let since = end.since, periodsBetween(since, date, end.period) >= reach {
            switch end.period {
            case .yearToDate: values["since"] = figures.date(since, source + ".since", style: yearOnly)
            case .quarterToDate:
                // "since the fourth quarter of 1998"; "since Q4 1998" in the headline.
                let quarter = ObservationPeriod.quarter(year: since.year, quarter: (since.month + 2) / 3)
                values["since"] = figures.date(since, source + ".since", style: { _ in NumberStyle.period(quarter) })
                values["sinceShort"] = NumberStyle.shortPeriod(quarter)
            default: values["since"] = figures.date(since, source + ".since", style: NumberStyle.monthYear)
            }
        } else if end.since == nil, end.earlierPeriods >= reach * 2 {
            values["startYear"] = figures.record(String(series.historyStart.year), "series.\(series.symbol).historyStart", nil)
        } else {
            return nil
        }
        values["magnitude"] = figures.percent(abs(end.value), source + ".value", signed: false)
        switch end.period {
        case .yearToDate: values["year"] = figures.date(date, "date", style: yearOnly)
        case .quarterToDate: values["quarter"] = NumberStyle.proseOrdinal((date.month + 2) / 3) + " quarter"
        default: values["month"] = NumberStyle.monthNames[date.month - 1]
        }
        let direction = end.value >= 0 ? "Up" : "Down"
        var statement = Statement(.performance, score: end.rarity.score, topics: series.topics + [StatementTopic.performance],
                                  sentences: [context.sentence((sentenceKey ?? "periodEnd." + kind) + direction, values)],
                                  headline: reversedOnTheDay(series, end, date) ? nil
                                      : context.headline("headline.periodEnd." + kind + direction, values))
        statement.headlinesAQuietSession = true
        return statement
    }

    /// A notable move against the period's result (2008-09-30: up 5.4% on the last day of the
    /// S&P 500's worst month since 2002) is the day's story: "posts its worst month" over a 5.4%
    /// gain reads as if the day fell. The rank is still told, under the move's headline.
    private static func reversedOnTheDay(_ series: SeriesFacts, _ end: PeriodEndFacts, _ date: SessionDate) -> Bool {
        guard let move = series.returnValue(.oneDay), MoveStatements.isNotable(series, on: date) else { return false }
        return (move > 0) != (end.value > 0)
    }

    /// "In 2024, IWM rose 10.6%, SPY rose 22.7% and MAGS rose 63.2%.": the years that rank
    /// nowhere in particular, told together; the first series' result is the headline of a day
    /// without other news ("Small caps end 2024 up 10.6%").
    private static func plainYearResults(_ ends: [(SeriesFacts, PeriodEndFacts)], _ context: NarrativeContext) -> Statement? {
        guard let (first, firstEnd) = ends.first else { return nil }
        let list = MoveStatements.list(ends.map { series, end in (series, end.value, "series.\(series.symbol).yearEnd.value") },
                                       context)
        let year = context.figures.date(context.facts.date, "date", style: yearOnly)
        let direction = MoveStatements.direction(firstEnd.value).rawValue.capitalized
        let headline = context.headline("headline.periodEnd.yearPlain" + direction, [
            "short": first.shortName, "year": year, "magnitude": NumberStyle.percent(abs(firstEnd.value), signed: false),
        ].merging(NarrativeContext.agreement(plural: first.plural)) { $1 })
        var statement = Statement(.performance, score: plainYearScore, topics: ends.flatMap(\.0.topics) + [StatementTopic.performance],
                                  sentences: [context.sentence("periodEnd.yearResults", markdown: ["year": year, "list": list])],
                                  headline: headline)
        statement.headlinesAQuietSession = true
        return statement
    }

    /// "2008": a year's "since" names the year.
    private static func yearOnly(_ date: SessionDate) -> String { String(date.year) }

    /// Whole months (quarters, years) from the one ending at `since` to the one ending at `date`.
    private static func periodsBetween(_ since: SessionDate, _ date: SessionDate, _ period: ReturnPeriod) -> Int {
        let months = (date.year - since.year) * 12 + date.month - since.month
        switch period {
        case .yearToDate: return date.year - since.year
        case .quarterToDate: return months / 3
        default: return months
        }
    }
}

extension Statement {
    /// Tells `other` after this statement's sentences, as one statement scored by the rarer.
    mutating func append(_ other: Statement) {
        markdown += other.markdown
        plain += other.plain
        score = max(score, other.score)
    }
}
