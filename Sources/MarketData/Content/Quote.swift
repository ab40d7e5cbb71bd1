/// An analyst quote from `content/quotes/`, with its attribution.
public struct Quote: Sendable, Hashable, Codable {
    /// The file name without extension, unique within the project.
    public var id: String
    public var by: String
    /// Where the analyst works; nil for an independent ("— Ada Quill, January 14, 2026").
    public var firm: String?
    public var date: SessionDate
    /// What the quote is about ("small caps", "macro"…), matched against the day's facts.
    public var topics: [String]
    /// The quoted words, as Markdown text.
    public var text: String
    /// Optional link to the source.
    public var url: String?
    /// Where `text` starts in its file, for diagnostics about its Markdown.
    public var textStart: SourceLocation

    public init(id: String, by: String, firm: String?, date: SessionDate, topics: [String], text: String, url: String? = nil,
                textStart: SourceLocation? = nil) {
        self.id = id
        self.by = by
        self.firm = firm
        self.date = date
        self.topics = topics
        self.text = text
        self.url = url
        self.textStart = textStart ?? SourceLocation(path: "content/quotes/\(id).md")
    }
}

/// The editor's commentary for one date, from `content/notes/YYYY-MM-DD.md`.
public struct Commentary: Sendable, Hashable {
    public var date: SessionDate
    /// Optional headline the editor wants instead of the generated one.
    public var title: String?
    public var body: String
    public var path: String
    /// Where `body` starts in the file, for diagnostics about its Markdown.
    public var bodyStart: SourceLocation

    public init(date: SessionDate, title: String?, body: String, path: String, bodyStart: SourceLocation? = nil) {
        self.date = date
        self.title = title
        self.body = body
        self.path = path
        self.bodyStart = bodyStart ?? SourceLocation(path: path)
    }
}
