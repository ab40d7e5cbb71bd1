import Analytics
import MarketData

/// The narrative of one note: headline, summary and paragraphs by section.
public struct Narrative: Sendable {
    public var headline: String
    public var summary: String
    public var sections: [NarrativeSection]
    /// Every statement: the headline's first, then the rest, most notable first.
    public var statements: [Statement]
    /// A quiet market: no statement about the session had a headline, so the note opens with the day's moves.
    public var isQuiet = false

    /// Topic weights for choosing quotes: each topic scored by its most notable statement.
    public var topicWeights: [String: Double] {
        var weights: [String: Double] = [:]
        for statement in statements {
            for topic in statement.topics { weights[topic] = max(weights[topic] ?? -.infinity, statement.score) }
        }
        return weights
    }
}

/// One titled part of the narrative.
public struct NarrativeSection: Sendable, Hashable {
    public var id: String
    public var heading: String
    /// Markdown paragraphs and blocks (tables), in order.
    public var blocks: [String]
}

/// Turns facts into ranked statements and assembles them into a narrative. Ranking is by rarity,
/// so a day with a decade-rare fact leads with it, and a day without one says it was quiet.
public struct NarrativeWriter: Sendable {
    public let phrases: Phrasebook
    /// Statements scoring below this are not news (rarer than once a year scores above 0).
    public static let notableScore = 0.0

    /// The names of the project's series, made once (`SeriesNames`).
    let seriesNames: [String: SeriesNames]

    public init(phrases: Phrasebook = .standard, series: [SeriesConfig] = []) {
        self.phrases = phrases
        seriesNames = Dictionary(series.map { ($0.symbol, SeriesNames($0)) }) { first, _ in first }
    }

    public func write(_ facts: NoteFacts, figures: FigureLedger) -> Narrative {
        let context = NarrativeContext(facts: facts, phrases: phrases, figures: figures, seriesNames: seriesNames)
        var statements = RecordStatements.make(context) + ComparisonStatements.make(context) + MoveStatements.make(context)
            + MoveStatements.intradaySwings(context) + [MoveStatements.reopening(context)].compactMap { $0 }
            + MoveStatements.firstSessions(context)
            + LevelStatements.make(context) + PerformanceStatements.make(context) + PeriodEndStatements.make(context)
            + MacroStatements.make(context) + BreadthStatements.make(context)
        // A session without a record, streak, big move or close worth a headline is quiet, and the
        // note opens with the day's moves even when a macro or breadth reading makes the news; a
        // session with news still gives every series' move after it.
        let sessionHasNews = statements.contains { $0.section == .lead && $0.headline != nil }
        if sessionHasNews, let others = MoveStatements.otherMoves(context) { statements.append(others) }
        statements = statements.enumerated().sorted { lhs, rhs in
            lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
        }.map(\.element)
        let notable = statements.filter(Self.isNotable)
        // On a quiet session a month's or year's result, if any, has the headline; the session's
        // moves then open the note without calling it quiet under another story.
        let otherTop = statements.firstIndex(where: Self.isNotable)
            ?? (sessionHasNews ? nil : statements.firstIndex { $0.headlinesAQuietSession && $0.headline != nil })
        let quiet = sessionHasNews ? nil : MoveStatements.quietDay(context, underOtherHeadline: otherTop != nil)
        if let quiet { statements.insert(quiet, at: 0) }
        let topIndex = otherTop.map { quiet == nil ? $0 : $0 + 1 } ?? statements.firstIndex { $0.headline != nil }
        // The headline's statement opens its section, so the story the title tells comes first
        // (a 52-week low that scores higher but has no headline would otherwise precede it).
        if let topIndex { statements.insert(statements.remove(at: topIndex), at: 0) }
        let top = topIndex.map { _ in statements[0] }
        let headline = top?.headline ?? "Market note for \(NumberStyle.longDate(facts.date))"
        return Narrative(headline: headline, summary: summary(top: top, notable: notable),
                         sections: sections(statements), statements: statements, isQuiet: quiet != nil)
    }

    /// News with a headline of its own: what may lead the note and join its summary.
    private static func isNotable(_ statement: Statement) -> Bool {
        statement.score >= notableScore && statement.headline != nil
    }

    /// The top statement's first sentence, and the next notable fact from another section.
    private func summary(top: Statement?, notable: [Statement]) -> String {
        guard let top, let first = top.plain.first else { return "" }
        guard let second = notable.first(where: { $0.section != top.section && $0.headline != nil }),
              let extra = second.headline else { return first }
        return first + " " + extra + "."
    }

    /// The statements by section; a block that repeats an earlier one (the note under a second
    /// "what followed" table) is left out.
    private func sections(_ statements: [Statement]) -> [NarrativeSection] {
        var seen: Set<String> = []
        return Statement.Section.allCases.compactMap { section in
            let members = statements.filter { $0.section == section }
            guard !members.isEmpty else { return nil }
            let blocks = members.flatMap { [$0.markdown.joined(separator: " ")] + $0.blocks.filter { seen.insert($0).inserted } }
            return NarrativeSection(id: section.rawValue, heading: phrases.render("section." + section.rawValue, [:]),
                                    blocks: blocks)
        }
    }
}
