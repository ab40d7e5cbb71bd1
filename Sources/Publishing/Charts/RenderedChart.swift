import Newsletter

/// One chart ready to inline into a page: an `<svg>` element (no XML declaration) with its
/// accessible name and text alternative.
public struct RenderedChart: Sendable, Hashable {
    /// Unique on a page; also the prefix of the ids of the SVG's `<title>` and `<desc>`.
    public let id: String
    public let title: String
    /// The text alternative: what the chart shows, with its key numbers.
    public let description: String
    public let svg: MarkupBytes

    /// Drops from `title` and `description` the characters no HTML page may hold (control
    /// characters from a data file), so they can go into a caption or attribute as they are.
    public init(id: String, title: String, description: String, svg: MarkupBytes) {
        self.id = id
        self.title = ChartText.sanitized(title)
        self.description = ChartText.sanitized(description)
        self.svg = svg
    }
}
