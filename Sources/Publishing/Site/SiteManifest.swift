import Foundation
import MarketData
import Newsletter

/// The list of published notes, `notes/index.json`: what the home page, archive, feed and
/// sitemap are built from, and what a single-date build reads to keep the earlier notes.
public struct SiteManifest: Codable, Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var date: SessionDate
        public var title: String
        public var summary: String
        public var path: String
    }

    public var notes: [Entry]

    public init(notes: [Entry]) {
        self.notes = notes.sorted { $0.date < $1.date }
    }

    public static let path = "notes/index.json"

    /// The manifest of a previously published site, or an empty one.
    public static func read(fromSite directory: String) -> SiteManifest {
        guard let data = FileManager.default.contents(atPath: directory + "/" + path),
              let manifest = try? JSONDecoder().decode(SiteManifest.self, from: data) else { return SiteManifest(notes: []) }
        return manifest
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [0x0A]
    }

    /// This manifest with `entries` added, replacing notes of the same dates.
    func merging(_ entries: [Entry]) -> SiteManifest {
        var byDate = Dictionary(notes.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        for entry in entries { byDate[entry.date] = entry }
        return SiteManifest(notes: Array(byDate.values))
    }
}

extension SiteManifest.Entry {
    init(_ note: NoteDocument) {
        self.init(date: note.date, title: note.title, summary: note.summary, path: note.path)
    }
}
