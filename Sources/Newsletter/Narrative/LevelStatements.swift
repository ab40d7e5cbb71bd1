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
        let current = context.facts.series.filter { $0.sessionDate == context.facts.date }
        return current.compactMap { extreme($0, context) } + drawdowns(current, context) + sinceReferenceDates(context)
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
                                 sentences: [context.sentence("level.lowestEver", values)],
                                 headline: context.headline("headline.closeLowEver", values))
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

    /// How far below its record close a series stands, by the usual yardsticks.
    enum Drawdown: String {
        case correction, bear, belowRecord

        /// Nil within 10% of the record. "Correction" and "bear market" describe a fall from a
        /// recent peak, not from one a decade old.
        init?(_ series: SeriesFacts) {
            guard series.drawdown <= LevelStatements.correction else { return nil }
            let recent = series.recordCloseDate.years(until: series.sessionDate) <= 2
            self = !recent ? .belowRecord : series.drawdown <= LevelStatements.bearMarket ? .bear : .correction
        }

        /// The yardstick as printed ("20%"), recorded in the ledger; none for an old record.
        func threshold(_ figures: FigureLedger) -> String? {
            switch self {
            case .correction: figures.percent(abs(LevelStatements.correction), "definitions.correction", signed: false, decimals: 0)
            case .bear: figures.percent(abs(LevelStatements.bearMarket), "definitions.bearMarket", signed: false, decimals: 0)
            case .belowRecord: nil
            }
        }
    }

    /// A sentence per series below its record, except that series in the same state (a
    /// correction, a bear market, an old record) share one sentence, so it is not repeated for each.
    private static func drawdowns(_ series: [SeriesFacts], _ context: NarrativeContext) -> [Statement] {
        let classified = series.compactMap { member in Drawdown(member).map { (member, $0) } }
        var grouped: Set<Drawdown> = []
        return classified.compactMap { member, drawdown in
            let group = classified.filter { $0.1 == drawdown }.map(\.0)
            guard group.count > 1 else { return single(member, drawdown, context) }
            return grouped.insert(drawdown).inserted ? shared(group, drawdown, context) : nil
        }
    }

    /// The figures of a series' distance from its record, as phrases name them.
    private static func drawdownValues(_ series: SeriesFacts, _ context: NarrativeContext) -> [String: String] {
        let figures = context.figures
        return [
            "symbol": series.symbol,
            "magnitude": figures.percent(abs(series.drawdown), "series.\(series.symbol).drawdown", signed: false),
            "record": figures.price(series.recordClose, "series.\(series.symbol).recordClose"),
            "recordDate": figures.date(series.recordCloseDate, "series.\(series.symbol).recordCloseDate"),
        ]
    }

    /// "IWM stands 12.0% below its record close of 250.00 from …, in correction territory."
    private static func single(_ series: SeriesFacts, _ drawdown: Drawdown, _ context: NarrativeContext) -> Statement {
        var values = drawdownValues(series, context)
        values["threshold"] = drawdown.threshold(context.figures)
        return Statement(.performance, score: -0.8, topics: series.topics + ["drawdown"],
                         sentences: [context.sentence("level." + drawdown.rawValue, values)], headline: nil)
    }

    /// "IWM and SPY are both in bear-market territory, 20% or more below their record closes:
    /// IWM is 37.3% below …; SPY is 27.8% below …"
    private static func shared(_ group: [SeriesFacts], _ drawdown: Drawdown, _ context: NarrativeContext) -> Statement {
        let items = group.map { series in
            context.phrases.render("level.drawdownItem", drawdownValues(series, context).mapValues(MarkdownEscaping.text),
                                   variant: context.variant)
        }
        var values = [
            "names": NarrativeContext.list(group.map { MarkdownEscaping.text($0.symbol) }),
            "all": group.count == 2 ? "both" : "all",
            "list": items.joined(separator: "; "),
        ]
        values["threshold"] = drawdown.threshold(context.figures)
        var topics: [String] = []
        for topic in group.flatMap(\.topics) + ["drawdown"] where !topics.contains(topic) { topics.append(topic) }
        return Statement(.performance, score: -0.8, topics: topics,
                         sentences: [context.sentence("level.\(drawdown.rawValue)Group", markdown: values)], headline: nil)
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
            let sentence = context.sentence("level.since", markdown: [
                "label": MarkdownEscaping.text(reference.label), "date": date, "list": NarrativeContext.list(items),
            ])
            return Statement(.performance, score: -1.1, topics: ["performance"], sentences: [sentence], headline: nil)
        }
    }
}
