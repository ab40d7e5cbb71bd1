import Analytics
import MarketData

/// Sentences about macro series: the latest reading, and how long since one was as high or as low.
enum MacroStatements {
    /// An earlier reading is worth naming ("the highest since…", "before that…") only when a year
    /// or more separates its period's start from that of the reading after it: the same quarter a
    /// year on counts (the numbers audit found "before that" left out between the fourth quarters
    /// of 1987 and 1988, which the end-to-start gap made nine months).
    static func yearOrMoreApart(_ earlier: ObservationPeriod, _ later: ObservationPeriod) -> Bool {
        later.firstDay.sameDay(yearsEarlier: 1) >= earlier.firstDay
    }

    static func make(_ context: NarrativeContext) -> [Statement] {
        context.facts.macro.filter { !$0.isStale }.compactMap { macro in statement(macro, context) }
    }

    /// A reading the highest or lowest in at least this many years (or in the data) is the context
    /// of every note; one that reaches back less is told as a plain reading is ("the lowest since
    /// the first quarter of 1961", in 1962, had repeated daily for a quarter: 2,272 real notes).
    static let contextYears = 3.0

    /// Nil for a reading that is not the highest or lowest in `contextYears` and that
    /// `Staleness.tellsPlainReading` leaves out.
    private static func statement(_ macro: MacroFacts, _ context: NarrativeContext) -> Statement? {
        let notable = notableExtreme(macro)
        let isContext = notable.map { extreme, _ in
            extreme.since.map { $0.period.lastDay.years(until: macro.period.firstDay) >= contextYears } ?? true
        } ?? false
        guard isContext || Staleness.tellsPlainReading(since: macro.knownSince, context) else { return nil }
        let figures = context.figures
        let source = "macro.\(macro.id)"
        var values = [
            "name": withoutArticle(macro.name), "short": macro.shortName,
            "period": figures.period(macro.period, source + ".period"),
            "value": figures.rate(macro.value, unit: macro.unit, source + ".value"),
        ]
        if let (extreme, high) = notable {
            let path = source + (high ? ".highest" : ".lowest")
            var sentences: [Sentence] = []
            guard let since = extreme.since else {
                values["startYear"] = figures.record(String(macro.firstPeriod.year), source + ".firstPeriod", nil)
                sentences.append(context.sentence(high ? "macro.highestEver" : "macro.lowestEver", values))
                return Statement(.macro, score: extreme.rarity.score, topics: macro.topics, sentences: sentences,
                                 headline: nil)
            }
            values["since"] = figures.period(since.period, path + ".since.period")
            values["sinceShort"] = figures.period(since.period, path + ".since.period", short: true)
            values["skipped"] = NarrativeContext.list(extreme.skippedWindows)
            sentences.append(context.sentence(high ? "macro.highestSince" : "macro.lowestSince", values))
            // A reading just before `since` belongs to the same run of extreme readings: not news.
            if let before = extreme.beforeThat, Self.yearOrMoreApart(before.period, since.period) {
                values["beforeThat"] = figures.period(before.period, path + ".beforeThat.period")
                sentences.append(context.sentence(high ? "macro.beforeThat" : "macro.beforeThatLow", values))
            }
            if !extreme.skippedWindows.isEmpty, let unfiltered = extreme.sinceWithoutExclusions {
                values["unfiltered"] = figures.period(unfiltered.period, path + ".sinceWithoutExclusions.period")
                sentences.append(context.sentence(high ? "macro.skippedNote" : "macro.skippedNoteLow", values))
            }
            return Statement(.macro, score: extreme.rarity.score - Staleness.penalty(since: macro.knownSince, on: context.facts.date),
                             topics: macro.topics, sentences: sentences,
                             headline: Staleness.isNews(since: macro.knownSince, context)
                                 ? context.headline(high ? "headline.macroHigh" : "headline.macroLow",
                                                    values.merging(["name": macro.shortName]) { $1 })
                                 : nil)
        }
        return Statement(.macro, score: -1, topics: macro.topics, sentences: [plainSentence(macro, values, context)],
                         headline: nil)
    }

    /// The phrases write "The {{name}}", so a name configured with its article, as breadth names
    /// are ("the unemployment rate"), loses it: not "The the unemployment rate".
    static func withoutArticle(_ name: String) -> String {
        name.lowercased().hasPrefix("the ") ? String(name.dropFirst(4)) : name
    }

    /// The highest- or lowest-since fact when it reaches back at least a year (or to the start of the data).
    private static func notableExtreme(_ macro: MacroFacts) -> (ExtremeFacts, Bool)? {
        for (extreme, high) in [(macro.highest, true), (macro.lowest, false)] {
            guard let extreme else { continue }
            guard let since = extreme.since else { return extreme.periodsSince >= 4 ? (extreme, high) : nil }
            if Self.yearOrMoreApart(since.period, macro.period) { return (extreme, high) }
        }
        return nil
    }

    private static func plainSentence(_ macro: MacroFacts, _ values: [String: String], _ context: NarrativeContext) -> Sentence {
        guard let previous = macro.previous else { return context.sentence("macro.only", values) }
        var values = values
        values["previousPeriod"] = context.figures.period(previous.period, "macro.\(macro.id).previous.period")
        // Two readings that print alike are "unchanged" only when they are equal (−0.04 after 0.0
        // both print 0.0%): else they are little changed.
        if NumberStyle.rate(previous.value, unit: macro.unit) == NumberStyle.rate(macro.value, unit: macro.unit) {
            return context.sentence(previous.value == macro.value ? "macro.unchanged" : "macro.littleChanged", values)
        }
        values["previous"] = context.figures.rate(previous.value, unit: macro.unit, "macro.\(macro.id).previous.value")
        values["direction"] = macro.value > previous.value ? "up from" : "down from"
        return context.sentence("macro.plain", values)
    }
}
