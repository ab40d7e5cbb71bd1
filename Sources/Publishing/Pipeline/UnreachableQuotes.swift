import MarketData
import Newsletter

/// A quote none of whose topics a statement can carry never appears in a note: a topic written
/// unlike the series' ("tech" for "technology") left it out without a word.
public enum UnreachableQuotes {
    /// One warning per such quote, with the closest topic a statement can carry.
    static func warnings(_ inputs: ProjectInputs) -> [Diagnostic] {
        let config = inputs.config
        let known = Set(config.series.flatMap(\.topics) + config.macro.flatMap(\.topics) + config.breadth.flatMap(\.topics)
            + StatementTopic.builtIn)
        let canonical = Set(known.map(QuoteSelector.canonical))
        return inputs.quotes.compactMap { quote in
            guard !quote.topics.contains(where: { canonical.contains(QuoteSelector.canonical($0)) }) else { return nil }
            let listed = quote.topics.map { "'\($0)'" }.joined(separator: ", ")
            let suggestion = quote.topics.lazy.compactMap { EditDistance.suggestion(for: $0, among: known) }.first
            return Diagnostic(.warning, at: SourceLocation(path: "content/quotes/\(quote.id).md"),
                              "no statement carries the quote's topics (\(listed.isEmpty ? "none" : listed)), so no note will show it",
                              hint: suggestion ?? "topics of the series, macro and breadth entries in \(config.path), or one of "
                                  + StatementTopic.builtIn.joined(separator: ", "))
        }
    }
}
