/// One thing the note says: a few sentences about one fact, with how notable it is.
public struct Statement: Sendable, Hashable {
    /// The part of the note it belongs to.
    public enum Section: String, Sendable, CaseIterable, Hashable {
        case lead, performance, macro, breadth
    }

    public var section: Section
    /// How rare the underlying fact is (`Rarity.score`); statements are ranked on it.
    public var score: Double
    /// What the statement is about, matched against quote topics.
    public var topics: [String]
    /// Markdown sentences, values escaped.
    public var markdown: [String]
    /// The same sentences as plain text, for summaries.
    public var plain: [String]
    /// A headline built from this fact, plain text.
    public var headline: String?
    /// Markdown blocks that follow the sentences (a table of past episodes).
    public var blocks: [String] = []
    /// Whether its headline goes before a quiet session's, though it is not news by its score: a
    /// month's or year's result on its last session.
    public var headlinesAQuietSession = false
}

/// A rendered sentence in both forms.
struct Sentence {
    var markdown: String
    var plain: String
}
