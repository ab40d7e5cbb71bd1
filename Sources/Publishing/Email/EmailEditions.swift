import Foundation
import MarketData
import Newsletter

/// The email editions of a note: `email/DATE.md`, email-ready Markdown with absolute links.
public struct EmailEditions: Sendable {
    public let config: ProjectConfig

    public init(config: ProjectConfig) {
        self.config = config
    }

    public func files(for note: NoteDocument) -> [OutputFile] {
        [OutputFile(path: NotePaths.emailBase(note.date) + ".md", text: note.emailMarkdown)]
    }
}
