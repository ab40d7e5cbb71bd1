import Analytics
import MarketData

/// Sentences about intraday record highs of each series; on a session whose file gives only
/// the close (High equals Low), about record closes, as the day's high is not known.
enum RecordStatements {
    static func make(_ context: NarrativeContext) -> [Statement] {
        context.facts.series.compactMap { series in
            guard isTold(series, on: context.facts.date), let (record, ofCloses) = toldRecord(series) else { return nil }
            return ofCloses && record.streak.length < 2 ? closingOnly(series, context) : statement(series, record, ofCloses: ofCloses, context)
        }
    }

    /// The record a note tells of `series` today: its intraday record, or its record close where
    /// the day's high stayed below an older peak or the file gives only closes. A run of record
    /// closes is told as a run either way (the numbers audit: the seventh straight record close of
    /// 1964-10-12 read "closed at a record 85.24, above the previous record close of 85.22").
    static func toldRecord(_ series: SeriesFacts) -> (record: RecordFacts, ofCloses: Bool)? {
        if series.intradayRecord.isRecord, series.intradayRange != nil { return (series.intradayRecord, false) }
        return series.closingRecord.isRecord ? (series.closingRecord, true) : nil
    }

    /// Whether the note tells this series' records today: the facts keep every record, but one in
    /// a series' first year of data is not news (see `NarrativeContext.minimumHistoryYears`).
    static func isTold(_ series: SeriesFacts, on date: SessionDate) -> Bool {
        series.sessionDate == date && NarrativeContext.hasHistory(since: series.historyStart, on: date)
    }

    /// A record close without an intraday record (the High stayed below the old peak), or one
    /// where the file gives only closes.
    private static func closingOnly(_ series: SeriesFacts, _ context: NarrativeContext) -> Statement {
        let source = "series.\(series.symbol).closingRecord"
        let values = context.names(series).plain.merging([
            "close": context.figures.price(series.close, "series.\(series.symbol).close"),
            "previous": series.closingRecord.previousRecord.map { context.figures.price($0, source + ".previousRecord") } ?? "",
        ]) { $1 }
        return Statement(.lead, score: series.closingRecord.streak.rarity.score, topics: series.topics + [StatementTopic.records],
                         sentences: [context.sentence("record.closingOnly", values)],
                         headline: context.headline("headline.recordClose", values))
    }

    /// A record run and what followed earlier ones: of intraday highs, or of closes (`record` is
    /// the series' `closingRecord`) when the file gives no intraday range.
    private static func statement(_ series: SeriesFacts, _ record: RecordFacts, ofCloses: Bool, _ context: NarrativeContext) -> Statement {
        let figures = context.figures
        let source = "series.\(series.symbol)." + (ofCloses ? "closingRecord" : "intradayRecord")
        let streak = record.streak
        var values = context.names(series).plain.merging([
            "level": figures.price(record.level, source + ".level"),
            "length": figures.proseCount(streak.length, source + ".streak.length"),
            "ordinal": figures.ordinal(streak.length, source + ".streak.length"),
        ]) { $1 }.merging(NarrativeContext.lowerBounds(streak)) { $1 }
        // A record close belongs in the record's own sentence: a separate "It also closed at a
        // record" repeated itself on days when two series set records.
        if series.closingRecord.isRecord, !ofCloses {
            // A close at the day's peak is said so, not as two equal numbers ("today's peak was
            // 256.85, and the close, 256.85, was a record too": an editor's review).
            values["close"] = figures.price(series.close, "series.\(series.symbol).close")
            if values["close"] == values["level"] { values["closedAtHigh"] = "yes" }
        }
        var sentences: [Sentence] = []
        if streak.length >= 2 {
            sentences.append(context.sentence(ofCloses ? "record.closeStreak" : "record.streak", values))
            if let beat = companionBeat(series, streak.length, context) {
                values["benchmark"] = beat
                sentences.append(context.sentence(streak.length == 2 ? "record.withBeatTwo" : "record.withBeat", values))
            }
            if let last = streak.lastTime {
                if NarrativeContext.isNews(lastTime: last, before: streak.start) {
                    values["lastEnd"] = figures.date(last.end, source + ".streak.lastTime.end", style: NumberStyle.monthYear)
                    values["lastLength"] = figures.proseCount(last.length, source + ".streak.lastTime.length")
                        + (last.length == 1 ? " session" : " sessions")
                    // "… ended in December 1968." (not "and lasted six sessions" of a six-session run).
                    if last.length > streak.length { values["lastLonger"] = "yes" }
                    sentences.append(context.sentence("record.lastTime", values))
                }
            } else {
                values["startYear"] = figures.record(String(series.historyStart.year), "series.\(series.symbol).historyStart", nil)
                sentences.append(context.firstEver("record", streak, values))
            }
        } else {
            values["previous"] = record.previousRecord.map { figures.price($0, source + ".previousRecord") } ?? ""
            sentences.append(context.sentence("record.single", values))
        }
        var blocks: [String] = []
        OutcomeStatements.append(streak.outcomes, prefix: "recordOutcome", values: values, source: source + ".streak.outcomes",
                                 earlier: (streak.earlierRunsAtLeast, source + ".streak.earlierRunsAtLeast"),
                                 to: &sentences, blocks: &blocks, context)
        // A record close is not a "record high", which names the day's peak (an editor's review).
        let headline = context.headline(streak.length < 2 ? "headline.recordSingle" : ofCloses ? "headline.recordCloseStreak" : "headline.recordStreak", values)
        var statement = Statement(.lead, score: streak.rarity.score, topics: series.topics + [StatementTopic.records],
                                  sentences: sentences, headline: headline)
        statement.blocks = blocks
        return statement
    }

    /// The benchmark the series beat in every session of the record run and not before it, if
    /// any: a longer run of beats is the comparison statement's to tell ("IXIC has beaten SPX in
    /// each of the last 6 sessions"), and "also outperformed" would repeat it.
    static func companionBeat(_ series: SeriesFacts, _ length: Int, _ context: NarrativeContext) -> String? {
        context.facts.comparisons.first { $0.leader == series.symbol && $0.leaderStreak.length == length }?.benchmark
    }
}
