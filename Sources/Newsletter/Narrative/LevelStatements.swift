import Analytics
import MarketData

/// Sentences about where a series stands against its own history: highest or lowest close
/// since a date, 52-week extremes, distance from the record, and returns since reference dates.
enum LevelStatements {
    /// "Highest since" is news when it reaches back at least this far.
    static let minimumReach = 252
    static let correction = -0.10
    static let bearMarket = -0.20

    static func make(_ context: NarrativeContext) -> [Statement] {
        context.facts.series.filter { $0.sessionDate == context.facts.date }.flatMap { series in
            [extreme(series, context), drawdown(series, context)].compactMap { $0 }
        } + sinceReferenceDates(context)
    }

    /// Highest or lowest close since a date at least a year back, else a 52-week high or low.
    private static func extreme(_ series: SeriesFacts, _ context: NarrativeContext) -> Statement? {
        guard !series.intradayRecord.isRecord, !series.closingRecord.isRecord else { return nil }
        let figures = context.figures
        var values = ["symbol": series.symbol, "short": series.shortName,
                      "close": figures.price(series.close, "series.\(series.symbol).close")]
            .merging(NarrativeContext.agreement(plural: series.plural)) { $1 }
        for (extreme, high) in [(series.closeHigh, true), (series.closeLow, false)] where extreme.sessionsSince >= minimumReach {
            let path = "series.\(series.symbol).\(high ? "closeHigh" : "closeLow").since"
            guard let since = extreme.since else {
                if high { continue }
                return Statement(.lead, score: extreme.rarity.score, topics: series.topics + ["levels"],
                                 sentences: [context.sentence("level.lowestEver", values)], headline: nil)
            }
            values["since"] = figures.date(since, path)
            values["sinceShort"] = figures.date(since, path, style: NumberStyle.monthYear)
            return Statement(.lead, score: extreme.rarity.score, topics: series.topics + ["levels"],
                             sentences: [context.sentence(high ? "level.highestSince" : "level.lowestSince", values)],
                             headline: context.headline(high ? "headline.closeHigh" : "headline.closeLow", values))
        }
        if series.yearHigh || series.yearLow {
            return Statement(.lead, score: -0.6, topics: series.topics + ["levels"],
                             sentences: [context.sentence(series.yearHigh ? "level.yearHigh" : "level.yearLow", values)],
                             headline: nil)
        }
        return nil
    }

    /// "10% below its record close": a correction or a bear market by the usual yardsticks.
    private static func drawdown(_ series: SeriesFacts, _ context: NarrativeContext) -> Statement? {
        guard series.drawdown <= correction else { return nil }
        let figures = context.figures
        let values = [
            "symbol": series.symbol,
            "threshold": figures.percent(abs(bearMarket), "definitions.bearMarket", signed: false, decimals: 0),
            "magnitude": figures.percent(abs(series.drawdown), "series.\(series.symbol).drawdown", signed: false),
            "record": figures.price(series.recordClose, "series.\(series.symbol).recordClose"),
            "recordDate": figures.date(series.recordCloseDate, "series.\(series.symbol).recordCloseDate"),
        ]
        // "Correction" and "bear market" describe a fall from a recent peak, not from one a decade old.
        let recent = series.recordCloseDate.years(until: series.sessionDate) <= 2
        let key = !recent ? "level.belowRecord" : series.drawdown <= bearMarket ? "level.bear" : "level.correction"
        return Statement(.performance, score: -0.8, topics: series.topics + ["drawdown"],
                         sentences: [context.sentence(key, values)], headline: nil)
    }

    /// "Since the April low (April 8, 2025), IWM is up 35.2% and SPY is up 28.1%."
    private static func sinceReferenceDates(_ context: NarrativeContext) -> [Statement] {
        guard let first = context.facts.series.first else { return [] }
        return first.returnsSince.indices.compactMap { index in
            let reference = first.returnsSince[index]
            let items: [String] = context.facts.series.compactMap { series in
                guard index < series.returnsSince.count, let value = series.returnsSince[index].value else { return nil }
                let magnitude = context.figures.percent(abs(value), "series.\(series.symbol).returnsSince.\(index)", signed: false)
                return context.phrases.render(value >= 0 ? "level.sinceItemUp" : "level.sinceItemDown",
                                              ["symbol": MarkdownEscaping.text(series.symbol), "magnitude": magnitude],
                                              variant: context.variant)
            }
            guard !items.isEmpty else { return nil }
            let date = context.figures.date(reference.date, "series.\(first.symbol).returnsSince.\(index).date")
            let markdown = context.phrases.render("level.since", [
                "label": MarkdownEscaping.text(reference.label), "date": date, "list": NarrativeContext.list(items),
            ], variant: context.variant)
            return Statement(section: .performance, score: -1.1, topics: ["performance"], markdown: [markdown],
                             plain: [markdown.replacingBackslashEscapes()], headline: nil)
        }
    }
}
