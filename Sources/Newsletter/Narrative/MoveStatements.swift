import Analytics
import MarketData

/// Sentences about unusually large one-day moves, and the plain wrap-up of a quiet day.
enum MoveStatements {
    /// A move is news when moves at least as large come less than once a year.
    static let notableScore = 0.0
    /// An intraday swing from the close before worth a sentence of its own.
    static let swingAtLeast = 0.05
    /// A smaller swing is worth one when the close turned it around (closed the other way, or
    /// flat): the S&P 500 fell 2.8% on December 27, 2018 and closed up 0.9%.
    static let reversalAtLeast = 0.025
    /// A move, or a month's, year's or year to date's return, that prints as 0.0% reads as "little
    /// changed"; an exact 0.05% prints, and reads, as 0.1%.
    static func isFlat(_ move: Double) -> Bool { NumberStyle.percentIsZero(move) }

    /// How a move reads: little changed when it prints as 0.0%, else up or down. The raw value is
    /// the last part of the phrase keys that tell it (`quiet.up`, `returns.flat`).
    enum Direction: String {
        case flat, up, down
    }

    static func direction(_ move: Double) -> Direction {
        isFlat(move) ? .flat : move >= 0 ? .up : .down
    }
    /// A move that comes fewer than 10 times a year (but at least once) makes a day without
    /// news sizeable rather than quiet: a 5% drop does not "slip". It is called volatile when the
    /// session swung (`swung`); one made in one direction is told by its size ("jumps 2.7%").
    static let volatileScore = -1.0
    /// A day with a move shown as 1.0% or more is not called calm, however ordinary such moves
    /// were at the time (a 5% gain in 2000's NASDAQ; an editor's review: "falls 1.4% in a calm
    /// session"): its headline gives the largest move alone.
    static let calmBelow = 0.0095
    /// Nor is a day whose high and low lay 2.5% or more apart (of the close before), about twice
    /// a typical day's range: the S&P 500 rose 0.9% on December 27, 2018 after falling 2.8%.
    static let calmRangeBelow = 0.025

    /// A move is told with how far back it reaches when moves that large come less than once a
    /// year, or when it is the largest in more than a year: the NASDAQ's 5.8% gain of December 26,
    /// 2018, the most since March 2009, was common in its 2000–2002 years.
    static func isNotable(_ series: SeriesFacts, on date: SessionDate) -> Bool {
        guard series.sessionDate == date, series.returnValue(.oneDay) != nil else { return false }
        if series.dailyMoveRarity.score >= notableScore { return true }
        return series.largestMoveSince.map { $0.years(until: date) >= 1 } ?? false
    }

    /// One statement per notable move, except that series whose moves reach back to the same
    /// day share one ("SPX and IXIC both posted their biggest one-day gains since March 23, 2009:
    /// SPX rose 5.0% and IXIC rose 5.8%."), where 11 real-data and 17 sample notes told it twice.
    static func make(_ context: NarrativeContext) -> [Statement] {
        StatementGroups.grouped(context.facts.series, by: { Reach($0, on: context.facts.date) }, single: single, shared: shared, context)
    }

    /// How far back a notable move reaches, in which direction: moves that reach back to the same
    /// day share a sentence; one with no earlier move as large stands alone.
    enum Reach: Hashable {
        case since(SessionDate, up: Bool)
        case ever(symbol: String)

        /// Nil for a move that is not notable.
        init?(_ series: SeriesFacts, on date: SessionDate) {
            guard MoveStatements.isNotable(series, on: date), let move = series.returnValue(.oneDay) else { return nil }
            self = series.largestMoveSince.map { .since($0, up: move >= 0) } ?? .ever(symbol: series.symbol)
        }
    }

    /// A notable move's values, as its sentence and headline name them.
    private static func values(_ series: SeriesFacts, _ move: Double, _ context: NarrativeContext) -> [String: String] {
        var values = context.names(series).plain
        values["magnitude"] = context.figures.percent(abs(move), "series.\(series.symbol).returns.1D", signed: false)
        if let since = series.largestMoveSince {
            values["since"] = context.figures.date(since, "series.\(series.symbol).largestMoveSince")
            // "the most since October 1987" in a note of October 22, 1987 names the day instead.
            let sameMonth = since.year == context.facts.date.year && since.month == context.facts.date.month
            values["sinceShort"] = context.figures.date(since, "series.\(series.symbol).largestMoveSince",
                                                        style: sameMonth ? NumberStyle.shortDate : NumberStyle.monthYear)
        } else {
            let year = context.figures.record(String(series.historyStart.year), "series.\(series.symbol).historyStart", nil)
            values["startYear"] = year
            values["sinceShort"] = "the data began in " + year
        }
        return values
    }

    /// "SPX rose 5.0%, its biggest one-day gain since March 23, 2009."
    private static func single(_ series: SeriesFacts, _ reach: Reach, _ context: NarrativeContext) -> Statement {
        let move = series.returnValue(.oneDay)!
        let values = values(series, move, context)
        let key = (move >= 0 ? "move.bigUp" : "move.bigDown") + (series.largestMoveSince == nil ? "Ever" : "")
        return Statement(.lead, score: series.dailyMoveRarity.score, topics: series.topics + [StatementTopic.volatility],
                         sentences: [context.sentence(key, values)],
                         headline: context.headline(bigMoveHeadline(move), values))
    }

    /// Series whose moves reach back to the same day, in one sentence; the rarest one's headline.
    private static func shared(_ group: [SeriesFacts], _ reach: Reach, _ context: NarrativeContext) -> Statement {
        let moves = group.map { ($0, $0.returnValue(.oneDay)!) }
        let (top, topMove) = moves.max { $0.0.dailyMoveRarity.score < $1.0.dailyMoveRarity.score }!
        let topValues = values(top, topMove, context)
        // Each member's figures go into the ledger as its own statement would put them.
        for (member, move) in moves where member.symbol != top.symbol { _ = values(member, move, context) }
        let list = Self.list(moves.map { ($0.0, $0.1, "series.\($0.0.symbol).returns.1D") }, context)
        var values = StatementGroups.names(group)
        values["since"] = MarkdownEscaping.text(topValues["since"] ?? "")
        values["list"] = list
        return Statement(.lead, score: top.dailyMoveRarity.score, topics: StatementGroups.topics(group, StatementTopic.volatility),
                         sentences: [context.sentence(topMove >= 0 ? "move.bigUpGroup" : "move.bigDownGroup", markdown: values)],
                         headline: context.headline(bigMoveHeadline(topMove), topValues))
    }

    /// The headline's verb grows with the move as printed: "rises 1.2%", "jumps 3.9%", "soars
    /// 10.8%". Black Monday's 20.5% had the verb of a 3% fall.
    static func bigMoveHeadline(_ move: Double, prefix: String = "headline.bigMove") -> String {
        let printed = (abs(move) * 1000).rounded() / 1000
        let size = printed >= 0.05 ? "Sharply" : printed >= 0.02 ? "" : "Mildly"
        return prefix + "." + (move >= 0 ? "up" : "down") + size
    }

    /// "IWM rose 0.2% and SPY fell 0.1%.": the day's moves open a note without news. A day whose
    /// largest move (by rarity) is sizeable is called volatile, and that move makes the headline.
    /// Under another story's headline (a month's result) a calm day's moves are told plainly: "On
    /// the day, …".
    static func quietDay(_ context: NarrativeContext, underOtherHeadline: Bool = false) -> Statement? {
        let moves = dayMoves(context)
        guard !moves.isEmpty else { return nil }
        let largest = moves.max { $0.0.dailyMoveRarity.score < $1.0.dailyMoveRarity.score }!
        let sizeable = largest.0.dailyMoveRarity.score >= volatileScore && !isFlat(largest.1)
        let volatile = sizeable && swung(largest.0, move: largest.1)
        let key = volatile ? "quiet.volatileDay" : underOtherHeadline ? "quiet.otherMoves" : "quiet.day"
        let sentence = context.sentence(key, markdown: ["list": list(oneDay(moves), context)])
        // A day whose range the data do not give is not called calm: it may have swung widely. Nor
        // is one that traded at a 52-week low ("Large caps hold steady in an orderly session" over
        // "SPX traded at a 52-week low", December 18, 2018).
        let calm = moves.allSatisfy { series, move in
            abs(move) < calmBelow && !series.yearLow && series.intradayRange.map { $0 < calmRangeBelow } ?? false
        }
        // A calm day is told by its first series; a day with a larger move, by that move.
        let (main, move) = sizeable ? largest : calm ? moves[0] : moves.max { abs($0.1) < abs($1.1) }!
        var prefix = volatile ? "headline.volatile" : sizeable ? "headline.bigDay" : calm ? "headline.quiet" : "headline.move"
        var values = ["magnitude": NumberStyle.percent(abs(move), signed: false)]
        // A day its series turned around is headlined so: "The S&P 500 recovers from a 2.8% drop
        // to close up 0.9%" (it read "The S&P 500 rises 0.9%").
        if let (extreme, side) = reversal(low: main.intradayLow ?? 0, high: main.intradayHigh ?? 0, move: move) {
            prefix = "headline.reversal." + side
            values["extreme"] = NumberStyle.percent(abs(extreme), signed: false)
        }
        // A move made one way has the verb of its size, as a notable move does ("plunges 5.4%").
        let headlineKey = prefix == "headline.bigDay" ? bigMoveHeadline(move, prefix: prefix) : Self.key(move, prefix: prefix)
        let headline = context.headline(headlineKey, context.names(main).plain.merging(values) { $1 })
        return Statement(.lead, score: -2, topics: [], sentences: [sentence], headline: headline)
    }

    /// "Trading resumed after four weekdays without a session: the day's moves are measured from
    /// the close of September 10, 2001." A day's moves that span a closure of the market (after
    /// September 11, 2001; Hurricane Sandy in 2012) read as one session's without it (an editor's
    /// review). A series whose file lacks the last session before it spans more, which the build
    /// warns about; only the calendar's closure is told.
    static func reopening(_ context: NarrativeContext) -> Statement? {
        let facts = context.facts
        guard let last = facts.reopenedAfter,
              facts.series.contains(where: { $0.sessionDate == facts.date && $0.returnBase(.oneDay) == last })
        else { return nil }
        let values = ["days": context.figures.proseCount(last.weekdays(until: facts.date), "reopenedAfter.weekdaysBetween"),
                      "since": context.figures.date(last, "reopenedAfter")]
        return Statement(.lead, score: -1.5, topics: [], sentences: [context.sentence("move.reopened", values)], headline: nil)
    }

    /// "SPX closed at 16.66, its first session in this data; its returns begin with the next." A
    /// note on the data's first session had a headline of its date and nothing under it.
    static func firstSessions(_ context: NarrativeContext) -> [Statement] {
        context.facts.series.filter { $0.sessionDate == context.facts.date && $0.historyStart == context.facts.date }.map { series in
            let values = context.names(series).plain.merging(["close": context.figures.price(series.close, "series.\(series.symbol).close")]) { $1 }
            return Statement(.lead, score: -2, topics: [], sentences: [context.sentence("move.firstSession", values)],
                             headline: context.headline("headline.firstSession", values))
        }
    }

    /// Whether the session swung: its high and low lay at least one and a half times the day's
    /// move apart, so a third of its range or more went against the close (an editor's review:
    /// 525 of 690 "volatile" sessions had never gone more than 0.5% against the day's direction).
    /// A day whose range the data do not give did not, as far as the note can tell.
    static func swung(_ series: SeriesFacts, move: Double) -> Bool {
        series.intradayRange.map { $0 >= 1.5 * abs(move) } ?? false
    }

    /// A swing of 5% or more from the close before, at least half again the day's close-to-close
    /// move: "SPX had been down as much as 8.6% during the session." (the flash crash of 2010-05-06
    /// had read only "SPX fell 3.2%"); or of 2.5% or more against the way the day closed: "SPX
    /// had been down as much as 2.8% during the session before turning higher." The day's move is
    /// told beside it, so the sentence does not repeat it.
    static func intradaySwings(_ context: NarrativeContext) -> [Statement] {
        dayMoves(context).compactMap { series, move in
            guard let (extreme, side) = swing(low: series.intradayLow ?? 0, high: series.intradayHigh ?? 0, move: move) else { return nil }
            var values = context.names(series).plain
            values["extreme"] = context.figures.percent(abs(extreme), "series.\(series.symbol).intraday\(side.capitalized)", signed: false)
            if turnedFromYearExtreme(series, move: move, side: side) { values["yearExtreme"] = "yes" }
            return Statement(.lead, score: -0.9, topics: series.topics + [StatementTopic.volatility],
                             sentences: [context.sentence(key(move, prefix: "intraday." + side), values)], headline: nil)
        }
    }

    /// The side of the day's range worth telling, if any: the one against the close when it
    /// reached 2.5% (a day down 4.3% that closed up 4.6% is a reversal, though its high was
    /// larger), else the larger one when it reached 5% and half again the close's move.
    static func swing(low: Double, high: Double, move: Double) -> (extreme: Double, side: String)? {
        if let turn = reversal(low: low, high: high, move: move) { return turn }
        let larger = largerSide(low: low, high: high)
        return abs(larger.extreme) >= swingAtLeast && abs(larger.extreme) >= 1.5 * abs(move) ? larger : nil
    }

    /// Whether the session's swing turned from a 52-week low (high) the close left behind: the
    /// swing's sentence then says so ("down as much as 4.3% during the session, to a 52-week low,
    /// before turning higher"), and the level statement does not repeat it (an editor's review:
    /// "SPX touched a 52-week low during the session but closed higher." beside it).
    static func turnedFromYearExtreme(_ series: SeriesFacts, move: Double) -> Bool {
        guard let (_, side) = swing(low: series.intradayLow ?? 0, high: series.intradayHigh ?? 0, move: move) else { return false }
        return turnedFromYearExtreme(series, move: move, side: side)
    }

    /// The same, for a swing already found to `side` ("low" or "high").
    static func turnedFromYearExtreme(_ series: SeriesFacts, move: Double, side: String) -> Bool {
        side == "low" ? series.yearLow && direction(move) != .down : series.yearHigh && direction(move) != .up
    }

    /// The side of the range against the way the day closed (the larger one on a flat day), when
    /// it reached 2.5% that way: down for the low, up for the high.
    static func reversal(low: Double, high: Double, move: Double) -> (extreme: Double, side: String)? {
        let against: (extreme: Double, side: String) = isFlat(move) ? largerSide(low: low, high: high)
            : move > 0 ? (low, "low") : (high, "high")
        let reach = against.side == "low" ? -against.extreme : against.extreme
        return reach >= reversalAtLeast ? against : nil
    }

    /// The day's low or high, whichever lay further from the close before.
    private static func largerSide(low: Double, high: Double) -> (extreme: Double, side: String) {
        -low >= high ? (low, "low") : (high, "high")
    }

    /// "On the day, SPY rose 0.3% and MAGS fell 0.6%.": on a day with news, the moves no big-move
    /// sentence tells, so the session's section gives every series' move, not only the table.
    static func otherMoves(_ context: NarrativeContext) -> Statement? {
        let moves = dayMoves(context).filter { series, _ in !isNotable(series, on: context.facts.date) }
        guard !moves.isEmpty else { return nil }
        return Statement(.lead, score: -1.5, topics: [], sentences: [context.sentence("quiet.otherMoves", markdown: ["list": list(oneDay(moves), context)])],
                         headline: nil)
    }

    /// Each series with a session on the note's date, with its one-day return.
    private static func dayMoves(_ context: NarrativeContext) -> [(SeriesFacts, Double)] {
        context.facts.series.filter { $0.sessionDate == context.facts.date }.compactMap { series in
            series.returnValue(.oneDay).map { (series, $0) }
        }
    }

    /// The day's moves with the ledger source of each figure.
    private static func oneDay(_ moves: [(SeriesFacts, Double)]) -> [(series: SeriesFacts, move: Double, source: String)] {
        moves.map { series, move in (series, move, "series.\(series.symbol).returns.1D") }
    }

    /// "IWM rose 0.2%, SPY fell 0.1% and MAGS was little changed": each move with the source of
    /// its figure; one that prints as 0.0% reads as little changed.
    static func list(_ moves: [(series: SeriesFacts, move: Double, source: String)], _ context: NarrativeContext) -> String {
        let magnitudes = moves.map { _, move, source in context.figures.percent(abs(move), source, signed: false) }
        // Moves that print alike are told once: "IXIC and SPX both rose 0.8%", not "IXIC rose
        // 0.8% and SPX rose 0.8%".
        if moves.count > 1, Set(magnitudes).count == 1, Set(moves.map { key($0.move, prefix: "") }).count == 1 {
            return context.phrases.render(key(moves[0].move, prefix: "quiet.all"),
                                          StatementGroups.names(moves.map(\.series)).merging(["magnitude": magnitudes[0]]) { $1 },
                                          variant: context.variant)
        }
        return NarrativeContext.list(zip(moves, magnitudes).map { move, magnitude in
            context.phrases.render(key(move.move, prefix: "quiet"), ["magnitude": magnitude],
                                   names: context.names(move.series).escaped, variant: context.variant)
        })
    }

    static func key(_ move: Double, prefix: String) -> String {
        prefix + "." + direction(move).rawValue
    }
}
