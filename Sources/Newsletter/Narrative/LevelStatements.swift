import Analytics
import MarketData

/// Sentences about where a series stands against its own history: highest or lowest close
/// since a date, 52-week extremes, distance from the record, and returns since reference dates.
enum LevelStatements {
    /// "Highest since" is news when it reaches back at least this far.
    static let minimumReach = 252

    static func make(_ context: NarrativeContext) -> [Statement] {
        let current = context.facts.series.filter { $0.sessionDate == context.facts.date }
        return StatementGroups.grouped(current, by: Extreme.init, single: single, shared: shared, context)
            + StatementGroups.grouped(current, by: Drawdown.init, single: single, shared: shared, context) + sinceReferenceDates(context)
    }

    /// The values every group phrase names: "{{names}} are {{all}} …: {{list}}", with one rendered
    /// item per member.
    private static func groupValues(_ group: [SeriesFacts], items: [String]) -> [String: String] {
        StatementGroups.names(group).merging(["list": items.joined(separator: "; ")]) { $1 }
    }

    /// Where a close stands in a series' history, when that is worth a sentence: the highest or
    /// lowest close since a date at least a year back, else a 52-week high or low.
    enum Extreme: String {
        case highestSince, lowestSince, lowestEver, yearHigh, yearLow
        /// A 52-week high (low) touched during a session that closed lower (higher): "SPX traded at
        /// a 52-week low" after "SPX rose 5.0%" read as a contradiction.
        case yearHighClosedLower, yearLowClosedHigher

        /// Nil on a record day (the record statement tells it) or when the close is unremarkable.
        init?(_ series: SeriesFacts) {
            guard !series.intradayRecord.isRecord, !series.closingRecord.isRecord else { return nil }
            if series.closeHigh.sessionsSince >= LevelStatements.minimumReach, series.closeHigh.since != nil {
                self = .highestSince
            } else if series.closeLow.sessionsSince >= LevelStatements.minimumReach {
                self = series.closeLow.since == nil ? .lowestEver : .lowestSince
            } else if series.yearHigh || series.yearLow {
                let move = series.returnValue(.oneDay) ?? 0
                // The session's swing tells it: "… to a 52-week low, before turning higher".
                if MoveStatements.turnedFromYearExtreme(series, move: move) { return nil }
                if series.yearHigh {
                    self = MoveStatements.direction(move) == .down ? .yearHighClosedLower : .yearHigh
                } else {
                    self = MoveStatements.direction(move) == .up ? .yearLowClosedHigher : .yearLow
                }
            } else {
                return nil
            }
        }

        /// The earlier close this one is the highest or lowest since, with the name of its facts
        /// field; nil for the kinds that reach back to no date.
        func since(_ series: SeriesFacts) -> (date: SessionDate, field: String)? {
            switch self {
            case .highestSince: series.closeHigh.since.map { ($0, "closeHigh") }
            case .lowestSince: series.closeLow.since.map { ($0, "closeLow") }
            case .lowestEver, .yearHigh, .yearLow, .yearHighClosedLower, .yearLowClosedHigher: nil
            }
        }

        /// How rare the close is; a 52-week extreme comes several times a year.
        func score(_ series: SeriesFacts) -> Double {
            switch self {
            case .highestSince: series.closeHigh.rarity.score
            case .lowestSince, .lowestEver: series.closeLow.rarity.score
            case .yearHigh, .yearLow, .yearHighClosedLower, .yearLowClosedHigher: -0.6
            }
        }

        var headlineKey: String? {
            switch self {
            case .highestSince: "headline.closeHigh"
            case .lowestSince: "headline.closeLow"
            case .lowestEver: "headline.closeLowEver"
            case .yearHigh, .yearLow, .yearHighClosedLower, .yearLowClosedHigher: nil
            }
        }
    }

    /// The figures of a series' close and how far back it reaches, as phrases name them.
    private static func extremeValues(_ series: SeriesFacts, _ extreme: Extreme, _ context: NarrativeContext) -> [String: String] {
        let figures = context.figures
        var values = context.names(series).plain
        values["close"] = figures.price(series.close, "series.\(series.symbol).close")
        if let (since, field) = extreme.since(series) {
            let path = "series.\(series.symbol).\(field).since"
            values["since"] = figures.date(since, path)
            values["sinceShort"] = figures.date(since, path, style: NumberStyle.monthYear)
        } else if extreme == .lowestEver {
            values["startYear"] = figures.record(String(series.historyStart.year), "series.\(series.symbol).historyStart", nil)
        }
        return values
    }

    /// "SPY closed at 114.19, its highest close since September 30, 2008."
    private static func single(_ series: SeriesFacts, _ extreme: Extreme, _ context: NarrativeContext) -> Statement {
        let values = extremeValues(series, extreme, context)
        return Statement(.lead, score: extreme.score(series), topics: series.topics + [StatementTopic.levels],
                         sentences: [context.sentence("level." + extreme.rawValue, values)],
                         headline: extreme.headlineKey.map { context.headline($0, values) })
    }

    /// "SPY and IWM both closed at their lowest in this data: SPY at 96.03; IWM at 40.10." The
    /// headline is the rarest member's.
    private static func shared(_ group: [SeriesFacts], _ extreme: Extreme, _ context: NarrativeContext) -> Statement {
        let members = group.map { series in (series, extremeValues(series, extreme, context)) }
        let items = members.map { _, values in
            context.phrases.render("level.\(extreme.rawValue)Item", values.mapValues(MarkdownEscaping.text), variant: context.variant)
        }
        let values = groupValues(group, items: items)
        let (top, topValues) = members.max { extreme.score($0.0) < extreme.score($1.0) }!
        return Statement(.lead, score: extreme.score(top), topics: StatementGroups.topics(group, StatementTopic.levels),
                         sentences: [context.sentence("level.\(extreme.rawValue)Group", markdown: values)],
                         headline: extreme.headlineKey.map { context.headline($0, topValues) })
    }

    /// How far below its record close a series stands, by the usual yardsticks; on the session that
    /// first crosses one within a drawdown, that it entered the territory. A bear market lasts
    /// until a 20% rise from its low (`stillBear` once back within 20% of the record): the NASDAQ
    /// was "in correction territory" three sessions after entering a bear market in December 2018.
    enum Drawdown: String {
        case correction, bear, stillBear, belowRecord, enteredCorrection, enteredBear

        /// Nil within 10% of the record outside a bear market, and in the series' first year of
        /// data, where the "record" may be its first session (as with records themselves).
        /// "Correction" and "bear market" describe a fall from a recent peak, not from one a decade
        /// old. A bear market the facts still hold is told however near the record the series has
        /// come back (an audit: "still in the bear market" one day, nothing at 10% below the next).
        init?(_ series: SeriesFacts) {
            let recent = series.recordCloseDate.years(until: series.sessionDate) <= 2
            // Within 10%, only a recent record's bear market is told: an old one's would be "remains
            // 7.0% below its record", a sentence the 10% line keeps out.
            guard DrawdownYardstick.correction.isReached(by: series.drawdown) || (recent && series.bearMarketSince != nil),
                  NarrativeContext.hasHistory(since: series.historyStart, on: series.sessionDate) else { return nil }
            let bear = DrawdownYardstick.bearMarket.isReached(by: series.drawdown)
            if recent, let entry = series.drawdownEntry {
                self = entry.threshold == DrawdownYardstick.bearMarket.rawValue ? .enteredBear : .enteredCorrection
            } else {
                self = !recent ? .belowRecord : bear ? .bear : series.bearMarketSince != nil ? .stillBear : .correction
            }
        }

        /// An entry is news by its rarity ("the first since April 2000"); being in the territory
        /// is context.
        func score(_ series: SeriesFacts) -> Double {
            guard let entry = series.drawdownEntry, self == .enteredBear || self == .enteredCorrection else { return -0.8 }
            return entry.rarity.score
        }

        var headlineKey: String? {
            switch self {
            case .enteredBear: "headline.enteredBear"
            case .enteredCorrection: "headline.enteredCorrection"
            case .correction, .bear, .stillBear, .belowRecord: nil
            }
        }

        /// The yardstick as printed ("20%"), recorded in the ledger; none for an old record.
        func threshold(_ figures: FigureLedger) -> String? {
            switch self {
            case .correction, .enteredCorrection:
                figures.percent(abs(DrawdownYardstick.correction.rawValue), "definitions.correction", signed: false, decimals: 0)
            case .bear, .stillBear, .enteredBear:
                figures.percent(abs(DrawdownYardstick.bearMarket.rawValue), "definitions.bearMarket", signed: false, decimals: 0)
            case .belowRecord: nil
            }
        }
    }

    /// The figures of a series' distance from its record, as phrases name them (its names apart).
    private static func drawdownValues(_ series: SeriesFacts, _ context: NarrativeContext) -> [String: String] {
        let figures = context.figures
        var values = [
            "magnitude": figures.percent(abs(series.drawdown), "series.\(series.symbol).drawdown", signed: false,
                                         decimals: roundsOntoAYardstick(series.drawdown) ? DrawdownYardstick.printedDecimals : 1),
            "record": figures.price(series.recordClose, "series.\(series.symbol).recordClose"),
            "recordDate": figures.date(series.recordCloseDate, "series.\(series.symbol).recordCloseDate"),
        ]
        // "…, for the first time since April 2000" or "in data back to 1999".
        if let entry = series.drawdownEntry {
            if let previous = entry.previous {
                values["previous"] = figures.date(previous, "series.\(series.symbol).drawdownEntry.previous", style: NumberStyle.monthYear)
            } else {
                values["startYear"] = figures.record(String(series.historyStart.year), "series.\(series.symbol).historyStart", nil)
            }
        }
        return values
    }

    /// True when one decimal would print a yardstick the drawdown has not reached, or has passed,
    /// at 0.01%: 19.96% below, "20.0%" beside "in correction territory", is told as 19.96%, and
    /// 20.04% beside "past the 20% mark" as 20.04% (an editor's review); 20.00% is told as 20.0%.
    static func roundsOntoAYardstick(_ drawdown: Double) -> Bool {
        DrawdownYardstick.allCases.contains { $0.roundsOntoItAtOneDecimalOnly(drawdown) }
    }

    /// "IWM stands 12.0% below its record close of 250.00 from …, in correction territory." On the
    /// day it crosses the line: "IXIC closed 21.9% below …, entering bear-market territory for the
    /// first time since April 2000", a lead with its own headline.
    private static func single(_ series: SeriesFacts, _ drawdown: Drawdown, _ context: NarrativeContext) -> Statement {
        var values = context.names(series).plain.merging(drawdownValues(series, context)) { $1 }
        values["threshold"] = drawdown.threshold(context.figures)
        if drawdown == .stillBear, let since = series.bearMarketSince {
            values["bearSince"] = context.figures.date(since, "series.\(series.symbol).bearMarketSince")
        }
        let isEntry = drawdown.headlineKey != nil
        return Statement(isEntry ? .lead : .performance, score: drawdown.score(series), topics: series.topics + [StatementTopic.drawdown],
                         sentences: [context.sentence("level." + drawdown.rawValue, values)],
                         headline: drawdown.headlineKey.map { context.headline($0, values) })
    }

    /// "IWM and SPY are both in bear-market territory, 20% or more below their record closes:
    /// IWM is 37.3% below …; SPY is 27.8% below …"
    private static func shared(_ group: [SeriesFacts], _ drawdown: Drawdown, _ context: NarrativeContext) -> Statement {
        let items = group.map { series in
            context.phrases.render("level.drawdownItem", drawdownValues(series, context).mapValues(MarkdownEscaping.text),
                                   names: context.names(series).escaped, variant: context.variant)
        }
        var values = groupValues(group, items: items)
        values["threshold"] = drawdown.threshold(context.figures)
        let top = group.max { drawdown.score($0) < drawdown.score($1) }!
        return Statement(drawdown.headlineKey != nil ? .lead : .performance, score: drawdown.score(top),
                         topics: StatementGroups.topics(group, StatementTopic.drawdown),
                         sentences: [context.sentence("level.\(drawdown.rawValue)Group", markdown: values)],
                         headline: drawdown.headlineKey.map { key in
                             context.headline(key, context.names(top).plain.merging(drawdownValues(top, context)) { $1 })
                         })
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
                                              ["magnitude": magnitude, "asOf": context.asOf(series)],
                                              names: context.names(series).escaped, variant: context.variant)
            }
            guard !items.isEmpty else { return nil }
            let date = context.figures.date(reference.date, "series.\(first.symbol).returnsSince.\(index).date")
            let sentence = context.sentence("level.since", markdown: [
                "label": MarkdownEscaping.text(reference.label), "date": date, "list": NarrativeContext.list(items),
            ])
            return Statement(.performance, score: -1.1, topics: [StatementTopic.performance], sentences: [sentence], headline: nil)
        }
    }
}
