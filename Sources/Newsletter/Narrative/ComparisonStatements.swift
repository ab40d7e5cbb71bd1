import Analytics
import MarketData

/// Sentences about a leader against its benchmark: outperformance streaks, the last time, what followed.
enum ComparisonStatements {
    /// Streaks shorter than this are not news.
    static let minimumStreak = 3
    /// A broken streak is mentioned when it had lasted at least this long.
    static let minimumBrokenStreak = 5
    /// A run that comes more than about three times a year (by its rarity score) is context, told
    /// in the body under the day's own headline: "The S&P 500 outruns tech stocks for the 3rd
    /// straight session" headlined 513 real notes, on days it was little changed.
    static let headlineScore = -0.5

    static func make(_ context: NarrativeContext) -> [Statement] {
        context.facts.comparisons.flatMap { comparison -> [Statement] in
            guard comparison.sessionDate == context.facts.date else { return [] }
            var statements: [Statement] = []
            let source = "comparisons.\(comparison.leader)-\(comparison.benchmark)"
            if let statement = streak(comparison.leaderStreak, leader: comparison.leader, benchmark: comparison.benchmark,
                                      source: source + ".leaderStreak", context) {
                statements.append(statement)
            }
            if let statement = streak(comparison.benchmarkStreak, leader: comparison.benchmark, benchmark: comparison.leader,
                                      source: source + ".benchmarkStreak", context) {
                statements.append(statement)
            }
            for (streak, leader, benchmark, path) in [
                (comparison.leaderStreak, comparison.leader, comparison.benchmark, ".leaderStreak"),
                (comparison.benchmarkStreak, comparison.benchmark, comparison.leader, ".benchmarkStreak"),
            ] {
                if let broken = streak.brokenLength, broken >= minimumBrokenStreak {
                    let values = ["leader": leader, "benchmark": benchmark,
                                  "leaderShort": context.seriesName(leader)?.shortName ?? leader,
                                  "benchmarkShort": context.seriesName(benchmark)?.shortName ?? benchmark,
                                  "brokenLength": context.figures.proseCount(broken, source + path + ".brokenLength")]
                        .merging(streak.brokenLengthIsMinimum == true ? ["brokenAtLeast": "yes"] : [:]) { $1 }
                        .merging(NarrativeContext.agreement(plural: context.seriesName(leader)?.plural ?? false)) { $1 }
                    statements.append(Statement(.lead, score: -0.5, topics: topics(leader, benchmark, context),
                                                sentences: [context.sentence("beat.broken", values)],
                                                headline: context.headline("headline.beatBroken", values)))
                }
            }
            return statements
        }
    }

    private static func topics(_ leader: String, _ benchmark: String, _ context: NarrativeContext) -> [String] {
        (context.seriesName(leader)?.topics ?? []) + (context.seriesName(benchmark)?.topics ?? []) + [StatementTopic.streaks]
    }

    private static func streak(_ streak: StreakFacts, leader: String, benchmark: String, source: String,
                               _ context: NarrativeContext) -> Statement? {
        guard streak.length >= minimumStreak,
              let comparison = context.facts.comparisons.first(where: { Set([$0.leader, $0.benchmark]) == Set([leader, benchmark]) })
        else { return nil }
        let figures = context.figures
        let leaderFacts = context.seriesName(leader), benchmarkFacts = context.seriesName(benchmark)
        var values = [
            "leader": leader, "benchmark": benchmark,
            "leaderShort": leaderFacts?.shortName ?? leader, "benchmarkShort": benchmarkFacts?.shortName ?? benchmark,
            "short": leaderFacts?.shortName ?? leader,
            "length": figures.proseCount(streak.length, source + ".length"),
            "ordinal": figures.ordinal(streak.length, source + ".length"),
        ].merging(NarrativeContext.agreement(plural: leaderFacts?.plural ?? false)) { $1 }
            .merging(NarrativeContext.lowerBounds(streak)) { $1 }
        // On a day the leader fell, it did not "outrun" or "beat" anything: it fell less. Each fund's
        // own one-day move tells that only when it spans the session the beat compared: after a
        // row one file lacks, the beat runs from the previous common session, and a fall "today"
        // may be part of a rise over that span.
        let spansTheBeat = comparison.relativeReturns.first { $0.period == .oneDay }?.baseDate.map { base in
            leaderFacts?.returnBase(.oneDay) == base && benchmarkFacts?.returnBase(.oneDay) == base
        } ?? false
        let leaderFell = spansTheBeat && leaderFacts?.returnValue(.oneDay).map(MoveStatements.direction) == .down
        // Two falls that print alike ("IXIC and SPX both fell 3.0%") are told to two decimals
        // beside "by falling less" (an editor's review: 55 notes said both in one paragraph).
        if leaderFell, let fall = leaderFacts?.returnValue(.oneDay), let other = benchmarkFacts?.returnValue(.oneDay),
           NumberStyle.percent(fall) == NumberStyle.percent(other) {
            values["leaderMove"] = figures.percent(abs(fall), "series.\(leader).returns.1D", signed: false, decimals: 2)
            values["benchmarkMove"] = figures.percent(abs(other), "series.\(benchmark).returns.1D", signed: false, decimals: 2)
        }
        var sentences: [Sentence] = []
        if !saidByRecordStatement(leader: leader, benchmark: benchmark, length: streak.length, context) {
            sentences.append(context.sentence(leaderFell ? "beat.streakFalling" : "beat.streak", values))
        }
        if let last = streak.lastTime {
            if NarrativeContext.isNews(lastTime: last, before: streak.start) {
                values["lastEnd"] = figures.date(last.end, source + ".lastTime.end", style: NumberStyle.monthYear)
                values["lastLength"] = figures.proseCount(last.length, source + ".lastTime.length")
                sentences.append(context.sentence("beat.lastTime", values))
            }
        } else if NarrativeContext.hasHistory(since: comparison.historyStart, on: context.facts.date) {
            values["startYear"] = figures.record(String(comparison.historyStart.year),
                                                 "comparisons.\(comparison.leader)-\(comparison.benchmark).historyStart", nil)
            sentences.append(context.firstEver("beat", streak, values))
        }
        var blocks: [String] = []
        OutcomeStatements.append(streak.outcomes, prefix: "outcome", values: values, source: source + ".outcomes",
                                 earlier: (streak.earlierRunsAtLeast, source + ".earlierRunsAtLeast"), to: &sentences, blocks: &blocks, context)
        // The record statement told the streak, and there is nothing to add: no statement.
        guard !sentences.isEmpty else { return nil }
        var statement = Statement(.lead, score: streak.rarity.score, topics: topics(leader, benchmark, context),
                                  sentences: sentences,
                                  headline: streak.rarity.score < headlineScore ? nil
                                      : context.headline(leaderFell ? "headline.beatStreakFalling" : "headline.beatStreak", values))
        statement.blocks = blocks
        return statement
    }

    /// The record statement already says the leader beat the benchmark throughout its record run.
    static func saidByRecordStatement(leader: String, benchmark: String, length: Int, _ context: NarrativeContext) -> Bool {
        guard let series = context.seriesName(leader), RecordStatements.isTold(series, on: context.facts.date),
              let record = RecordStatements.toldRecord(series)?.record, record.streak.length >= 2 else { return false }
        return length == record.streak.length && RecordStatements.companionBeat(series, length, context) == benchmark
    }
}

/// "What followed" sentences and tables, shared by streaks and breadth signals.
enum OutcomeStatements {
    /// Adds the "what followed" sentence and table when there were earlier firings, few enough for
    /// the table to list every one. A signal that fired a hundred times before is common: what
    /// followed it is a base rate, not news (the facts still hold its count, hit rate and median).
    /// `earlier` is how many times the signal fired before, with its source: more than were
    /// counted when some came too close together or too recently to measure, which the sentence
    /// then says.
    static func append(_ outcomes: SignalOutcomeFacts?, prefix: String, values: [String: String], source: String,
                       earlier: (count: Int, source: String), to sentences: inout [Sentence], blocks: inout [String],
                       _ context: NarrativeContext) {
        guard let outcomes, outcomes.horizons.allSatisfy({ $0.count <= SignalOutcomes.listedEpisodes }),
              let (sentence, tableBlocks) = describe(outcomes, prefix: prefix, values: values, source: source,
                                                     earlier: earlier, context)
        else { return }
        sentences.append(sentence)
        blocks += tableBlocks
    }

    /// Up to this many earlier episodes are named in a sentence.
    static let namedEpisodes = 4

    /// Describes the longest horizon with episodes; the table lists every horizon, and a note
    /// under it says why a cell is empty.
    static func describe(_ outcomes: SignalOutcomeFacts, prefix: String, values: [String: String], source: String,
                         earlier: (count: Int, source: String), _ context: NarrativeContext) -> (Sentence, [String])? {
        guard let index = outcomes.horizons.lastIndex(where: { $0.count > 0 }) else { return nil }
        let horizon = outcomes.horizons[index]
        let figures = context.figures
        let path = source + ".horizons.\(horizon.sessions)"
        var values = values
        // Counts in words to nine ("two of the three earlier runs"), the horizon in months.
        values["count"] = figures.proseCount(horizon.count, path + ".count")
        values["times"] = NarrativeContext.times(horizon.count)
        if earlier.count > horizon.count {
            values["total"] = figures.proseCount(earlier.count, earlier.source)
            values["totalTimes"] = NarrativeContext.times(earlier.count)
        }
        values["sessions"] = figures.count(horizon.sessions, path + ".sessions")
        (values["horizon"], values["span"]) = figures.horizon(sessions: horizon.sessions, path + ".sessions")
        values["hits"] = figures.proseCount(horizon.hits, path + ".hits")
        // "by a median of 4.1%" (or "by 3.1% and 5.2%") when every episode gained or every one
        // fell, the verb giving the direction; a sign is kept where some gained and some fell.
        let everyHit = horizon.hits == horizon.count
        values["leader"] = outcomes.leader
        values["benchmark"] = outcomes.benchmark ?? ""
        // The dates are those of the episodes counted, so "3 times before (A, B and C)" agrees;
        // a long list gives way to the latest few ("most recently …").
        let named = horizon.count <= Self.namedEpisodes ? horizon.episodes : horizon.episodes.suffix(Self.namedEpisodes - 1)
        let dates = NarrativeContext.list(named.map { figures.date($0.date, path + ".episodes", style: NumberStyle.monthYear) })
        let allNamed = horizon.count <= Self.namedEpisodes
        values[allNamed ? "dates" : "recentDates"] = dates
        values["episodes"] = allNamed ? dates : context.headline("outcome.mostRecently", ["dates": dates])
        // One earlier firing is told as such ("the only earlier run"), and two by their own
        // returns ("by 3.1% and 5.2%"): a median of two is their mean, and hides a loss beside a gain.
        let outcome = everyHit ? "All" : horizon.hits == 0 ? "None" : "Some"
        // Where all went one way the amounts are magnitudes ("lower …, by 5.7%").
        let told = { (value: Double) in outcome == "Some" ? value : abs(value) }
        let key: String
        if horizon.count == 2, horizon.episodes.count == 2 {
            let returns = horizon.episodes.map { figures.directedPercent(told($0.relativeReturn), path + ".episodes", signed: outcome == "Some") }
            // Oldest first ("by 3.1% and 5.2%"); a gain and a loss are named as such ("once (+4.0%)").
            let order = outcome == "Some" && horizon.episodes[0].relativeReturn <= 0 ? [1, 0] : [0, 1]
            (values["first"], values["second"]) = (returns[order[0]], returns[order[1]])
            key = "two" + outcome
        } else {
            values["median"] = horizon.median.map { figures.directedPercent(told($0), path + ".median", signed: outcome == "Some") } ?? ""
            key = horizon.count == 1 ? (everyHit ? "oneHit" : "oneMiss") : outcome.lowercased()
                // Led by what most did: "lower after two of the three", not "higher after one".
                + (outcome == "Some" && 2 * horizon.hits < horizon.count ? "Misses" : "")
            // Count − hits, under a name of its own: an audit found the misses listed as `hits`.
            values["misses"] = figures.proseCount(horizon.count - horizon.hits, path + ".misses")
        }
        let sentence = context.sentence(prefix + "." + key, values)
        let caption = context.sentence(prefix + ".table", values).markdown
        let (markdown, hasGaps, rows) = table(outcomes, source: source, context)
        // Under the table: what "n/a" means, and why it lists fewer signals than "(N in all)".
        let notes = (hasGaps ? ["outcome.tableNote"] : []) + unlistedNotes(outcomes, unlisted: earlier.count - rows)
        let note = notes.isEmpty ? [] : [notes.map { context.sentence($0, [:]).markdown }.joined(separator: " ")]
        return (sentence, ["Table: " + caption + "\n\n" + markdown] + note)
    }

    /// Why the table leaves out `unlisted` earlier signals, as the facts class those no horizon
    /// counts: too recent, too close to an earlier one, or some of each (an audit found "too close"
    /// under a table that left out signals too recent to measure); and a breadth lead known before
    /// the prices it is measured with began, which is no firing at all.
    static func unlistedNotes(_ outcomes: SignalOutcomeFacts, unlisted: Int) -> [String] {
        guard unlisted > 0 else { return [] }
        let recent = outcomes.uncounted?.tooRecent ?? 0, close = outcomes.uncounted?.tooClose ?? 0
        let both = outcomes.uncounted?.tooCloseThenTooRecent ?? 0
        let reason = both > 0 || (recent > 0 && close > 0) ? "outcome.unlistedMixedNote"
            : recent > 0 ? "outcome.unlistedRecentNote" : close > 0 ? "outcome.unlistedNote" : nil
        return (reason.map { [$0] } ?? []) + (unlisted > recent + close + both ? ["outcome.unlistedEarlyNote"] : [])
    }

    /// A table of past episodes: signal date, then the (relative) return over each horizon; "n/a"
    /// where an episode is not counted over a horizon (`hasGaps`).
    static func table(_ outcomes: SignalOutcomeFacts, source: String, _ context: NarrativeContext) -> (markdown: String, hasGaps: Bool, rows: Int) {
        var header = ["Signal date"]
        for horizon in outcomes.horizons {
            let sessions = context.figures.count(horizon.sessions, source + ".horizons.\(horizon.sessions).sessions")
            header.append("After \(sessions) sessions")
        }
        var dates: [SessionDate] = []
        for horizon in outcomes.horizons {
            for episode in horizon.episodes where !dates.contains(episode.date) { dates.append(episode.date) }
        }
        dates.sort()
        var hasGaps = false
        let rows: [[String]] = dates.map { date in
            [NumberStyle.longDate(date)] + outcomes.horizons.map { horizon in
                // As the sentence tells it: a return too small for one decimal gets two ("+0.01%",
                // not a "+0.0%" counted as a gain).
                let cell = horizon.episodes.first { $0.date == date }.map {
                    context.figures.directedPercent($0.relativeReturn, source + ".horizons.\(horizon.sessions).episodes", signed: true)
                }
                if cell == nil { hasGaps = true }
                return cell ?? "n/a"
            }
        }
        for date in dates { context.figures.date(date, source + ".episodes") }
        let markdown = MarkdownTable(header: header, alignments: [.left] + outcomes.horizons.map { _ in .right }, rows: rows).markdown
        return (markdown, hasGaps, dates.count)
    }
}
