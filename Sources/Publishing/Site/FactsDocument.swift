import Analytics
import Foundation
import MarketData
import Newsletter

/// `facts.json`: the facts of a note and every figure it printed, with the figure's source.
///
/// Written through `JSONObject` (FactsJSON.swift). It stays `Encodable` as well: the tests hold
/// the written file equal to what `Encodable` makes of the same document.
struct FactsDocument: Encodable {
    var date: SessionDate
    var title: String
    var summary: String
    var facts: NoteFacts
    var figures: [Figure]
    var quotes: [String]

    init(_ note: NoteDocument) {
        date = note.date
        title = note.title
        summary = note.summary
        facts = note.facts
        figures = note.figures
        quotes = note.quotes.map(\.id)
    }

    /// Keys in declaration order and fixed formatting, so the same facts always give the same bytes.
    func encoded() -> [UInt8] { JSONByteWriter.document(self) }
}

extension NoteFacts {
    /// The facts as `facts.json` writes them under `"facts"`: the same keys in the same order and
    /// the same numbers, for `marketnote facts --json`.
    public var json: [UInt8] { JSONByteWriter.document(self) }
}
