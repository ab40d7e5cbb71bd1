import Analytics
import MarketData

/// One composed note: its Markdown editions, front-matter values and the facts behind it.
public struct NoteDocument: Sendable {
    public var date: SessionDate
    public var title: String
    public var summary: String
    /// The web edition's Markdown body (rendered to HTML by Publishing).
    public var markdown: String
    /// The email edition: front matter plus Markdown with absolute links only; nil when the note
    /// was composed without it (`NoteComposer.compose(…, withEmail: false)`).
    public var emailMarkdown: String?
    public var facts: NoteFacts
    /// Every number the note prints, with its source in the facts.
    public var figures: [Figure]
    public var quotes: [Quote]
    /// Topics of the day's statements, most notable first (for tags and feeds).
    public var topics: [String]

    /// The URL path of the note below the site root: `notes/2026-01-15/`.
    public var path: String { NotePaths.notePath(date) }
}

/// Where notes live on the site. Dates are the only part of a path that comes from data, and a
/// `SessionDate` always prints as `YYYY-MM-DD`, so no path can leave the site.
public enum NotePaths {
    public static func notePath(_ date: SessionDate) -> String { date.description(prefix: SiteLayout.notesFolder, suffix: "/") }
    public static func emailBase(_ date: SessionDate) -> String { date.description(prefix: SiteLayout.emailFolder, suffix: "") }
}
