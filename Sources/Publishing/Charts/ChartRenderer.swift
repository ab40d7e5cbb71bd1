import Analytics

/// Draws a note's charts as static SVG: the leader against its benchmark over the last year
/// (one chart per comparison) and the returns of the note's table as bars.
public struct ChartRenderer: Sendable {
    /// Starts every chart id, so charts stay distinct from the page's other ids.
    public let idPrefix: String

    public init(idPrefix: String = "chart") {
        self.idPrefix = idPrefix
    }

    /// The charts worth drawing for `facts`; a chart without enough data is left out, not drawn empty.
    public func charts(for facts: NoteFacts) -> [RenderedChart] {
        let relative = facts.comparisons.enumerated().compactMap { index, comparison in
            RelativePerformanceChart(comparison: comparison, id: "\(idPrefix)-relative-\(index + 1)").rendered()
        }
        let returns = ReturnsBarChart(facts: facts, id: "\(idPrefix)-returns").rendered()
        return relative + (returns.map { [$0] } ?? [])
    }
}
