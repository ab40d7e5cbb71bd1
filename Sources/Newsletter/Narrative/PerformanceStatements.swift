import Analytics
import MarketData

/// Year-to-date performance side by side, and how far each leader is ahead of its benchmark.
enum PerformanceStatements {
    /// Below this magnitude a year-to-date return reads as flat.
    static let flatThreshold = 0.005

    static func make(_ context: NarrativeContext) -> [Statement] {
        let figures = context.figures
        let items: [String] = context.facts.series.compactMap { series in
            guard let ytd = series.returnValue(.yearToDate) else { return nil }
            let source = "series.\(series.symbol).returns.YTD"
            let values = ["symbol": MarkdownEscaping.text(series.symbol),
                          "magnitude": figures.percent(abs(ytd), source, signed: false),
                          "value": figures.percent(ytd, source)]
            let key = abs(ytd) < flatThreshold ? "returns.flat" : ytd > 0 ? "returns.up" : "returns.down"
            return context.phrases.render(key, values, variant: context.variant)
        }
        guard !items.isEmpty else { return [] }
        let list = NarrativeContext.list(items)
        var markdown = [context.phrases.render("returns.sentence", ["list": list], variant: context.variant)]
        var plain = [markdown[0].replacingBackslashEscapes()]
        for comparison in context.facts.comparisons {
            guard let gap = comparison.relativeReturns.first(where: { $0.period == .yearToDate })?.value,
                  abs(gap) >= flatThreshold else { continue }
            let sentence = context.sentence("returns.gap", [
                "leader": comparison.leader, "benchmark": comparison.benchmark,
                "magnitude": figures.percent(abs(gap), "comparisons.\(comparison.leader)-\(comparison.benchmark).relativeReturns.YTD", signed: false),
                "direction": gap > 0 ? "ahead of" : "behind",
            ])
            markdown.append(sentence.markdown)
            plain.append(sentence.plain)
        }
        let topics = context.facts.series.flatMap(\.topics) + ["performance"]
        return [Statement(section: .performance, score: -1, topics: topics, markdown: markdown, plain: plain, headline: nil)]
    }
}

extension String {
    /// Undoes Markdown backslash escapes, for the plain-text form of a sentence built from escaped parts.
    func replacingBackslashEscapes() -> String {
        var result = ""
        var escaped = false
        for character in self {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }
}
