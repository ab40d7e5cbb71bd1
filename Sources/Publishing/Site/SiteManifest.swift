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
        /// The digest of the editor's commentary the note was written with (`CommentaryDigest`),
        /// so that a later build can tell the commentary changed; nil for a note without one.
        public var commentary: String? = nil
    }

    /// The digest of the templates and configuration the notes were written with
    /// (`InputDigest.notes`), so that a later build can tell they changed; nil from a version of
    /// marketnote that did not record it.
    public var fingerprint: String?
    public var notes: [Entry]
    /// The prices the notes were written from (`PublishedPrices`); nil from a version of
    /// marketnote that did not record them.
    public var prices: PublishedPrices?
    /// The quotes the notes were written with (`QuoteDigest`); nil from a version of marketnote
    /// that did not record them.
    public var quotes: [String]?

    public init(notes: [Entry], fingerprint: String? = nil, prices: PublishedPrices? = nil, quotes: [String]? = nil) {
        // By index: zipping the entries copied each one (its strings retained and released), a
        // daily build's 12 M instructions over 6,549 notes.
        let isSorted = notes.indices.dropFirst().allSatisfy { notes[$0 - 1].date < notes[$0].date }
        self.notes = isSorted ? notes : notes.sorted { $0.date < $1.date }
        self.fingerprint = fingerprint
        self.prices = prices
        self.quotes = quotes
    }

    public static let path = "notes/index.json"

    /// The manifest of a previously published site; empty when the site has no notes yet.
    /// Throws when the site has notes but the manifest is missing or cannot be read: a build that
    /// went on would drop every earlier note from the site.
    public static func read(fromSite directory: String) throws(UnreadableManifest) -> SiteManifest {
        let file = directory + "/" + path
        guard let data = FileManager.default.contents(atPath: file) else {
            switch openError(file) {
            case ENOENT, ENOTDIR:
                guard try !hasNoteFolders(directory + "/notes") else { throw UnreadableManifest(path: file, problem: .missing) }
                return SiteManifest(notes: [])
            case 0: throw UnreadableManifest(path: file, problem: .damaged)
            case let code: throw UnreadableManifest(path: file, problem: .unreadable(reason: String(cString: strerror(code))))
            }
        }
        guard let manifest = SiteManifest(flatJSON: Array(data)) ?? (try? JSONDecoder().decode(SiteManifest.self, from: data))?.withBuildPaths()
        else { throw UnreadableManifest(path: file, problem: .damaged) }
        return manifest
    }

    /// Why `file` cannot be opened for reading (`errno`); 0 when it can.
    private static func openError(_ file: String) -> Int32 {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno }
        close(descriptor)
        return 0
    }

    /// Whether `notes/` holds a folder named by a date: a note published by an earlier build.
    private static func hasNoteFolders(_ notes: String) throws(UnreadableManifest) -> Bool {
        do {
            return try (FolderEntries.read(notes) ?? []).contains { SessionDate($0.name) != nil }
        } catch {
            throw UnreadableManifest(path: notes, problem: .unreadable(reason: error.reason))
        }
    }

    /// Every note at the path a build writes it to (`notes/DATE/`), whatever the file said: the
    /// file can be edited by hand, and a path that is not a page folder would misdirect the links
    /// of every page that lists the note.
    func withBuildPaths() -> SiteManifest {
        var manifest = self
        for index in manifest.notes.indices { manifest.notes[index].path = NotePaths.notePath(manifest.notes[index].date) }
        return manifest
    }

    /// The manifest from the JSON it is written as, read without `JSONDecoder` (see
    /// `FlatJSONReader`), each note at its build path (`withBuildPaths`); nil for anything but
    /// `{"fingerprint"?, "notes": [{"date", "title", "summary", "path", "commentary"?}…],
    /// "prices"?: {"series": [{"symbol", "months": […]}…]}, "quotes"?: […]}`.
    init?(flatJSON bytes: [UInt8]) {
        var reader = FlatJSONReader(bytes)
        var notes: [Entry] = []
        var fingerprint: String?
        var prices: PublishedPrices?
        var quotes: [String]?
        let names: [StaticString] = ["date", "title", "summary", "path", "commentary"]
        let read = reader.take(0x7B) && reader.members(close: 0x7D) { reader in
            let key = reader.string()
            if key == "fingerprint" {
                fingerprint = reader.take(0x3A) ? reader.string() : nil
                return fingerprint != nil
            }
            if key == "prices" {
                prices = reader.take(0x3A) ? PublishedPrices(flatJSON: &reader) : nil
                return prices != nil
            }
            if key == "quotes" {
                quotes = reader.take(0x3A) ? reader.strings() : nil
                return quotes != nil
            }
            return key == "notes" && reader.take(0x3A) && reader.take(0x5B) && reader.members(close: 0x5D) { reader in
                guard reader.take(0x7B) else { return false }
                // Five variables, not an array of them: an array was allocated for each note.
                var date: SessionDate?, title: String?, summary: String?, commentary: String?, hasPath = false
                guard reader.members(close: 0x7D, { reader in
                    guard let slot = reader.key(among: names), reader.take(0x3A) else { return false }
                    switch slot {
                    case 0: date = reader.date(); return date != nil
                    case 1: title = reader.string(); return title != nil
                    case 2: summary = reader.string(); return summary != nil
                    // The path is the build's (`withBuildPaths`): the file's is read, not kept.
                    case 3: hasPath = reader.skipString(); return hasPath
                    default: commentary = reader.string(); return commentary != nil
                    }
                }), let date, let title, let summary, hasPath else { return false }
                notes.append(Entry(date: date, title: title, summary: summary, path: NotePaths.notePath(date), commentary: commentary))
                return true
            }
        }
        guard read, reader.atEnd else { return nil }
        self.init(notes: notes, fingerprint: fingerprint, prices: prices, quotes: quotes)
    }

    /// Pretty-printed JSON through `JSONByteWriter`: through `Codable` (Foundation's
    /// `JSONEncoder`) this one file took 20–50 ms of a daily build.
    func encoded() -> [UInt8] { JSONByteWriter.document(self) }

    /// The dates of the published notes a build writes again: those outside `building` whose
    /// session is still in the data and that `isStale` picks (edited commentary, other templates,
    /// corrected prices, a changed quote).
    func notesToWriteAgain(outside building: Set<SessionDate>, sessions: [SessionDate],
                           where isStale: (Entry) -> Bool) -> [SessionDate] {
        notes.filter { !building.contains($0.date) && isStale($0) && sessions.contains(session: $0.date) }.map(\.date)
    }

    /// This manifest with `entries` added, replacing notes of the same dates.
    func merging(_ entries: [Entry]) -> SiteManifest {
        // A daily build adds notes after the last one: append instead of re-indexing every note.
        if notes.last.map({ last in entries.allSatisfy { $0.date > last.date } }) ?? true {
            return SiteManifest(notes: notes + entries, fingerprint: fingerprint, prices: prices, quotes: quotes)
        }
        var byDate = Dictionary(notes.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        for entry in entries { byDate[entry.date] = entry }
        return SiteManifest(notes: Array(byDate.values), fingerprint: fingerprint, prices: prices, quotes: quotes)
    }
}

extension SiteManifest.Entry {
    /// A note this build writes, as a neighbour's link sees it: its date and path (its title and
    /// summary are not known until it is composed, and a link does not need them).
    static func written(_ date: SessionDate) -> SiteManifest.Entry {
        SiteManifest.Entry(date: date, title: "", summary: "", path: NotePaths.notePath(date))
    }

    init(_ note: NoteDocument, commentary: Commentary?) {
        self.init(date: note.date, title: note.title, summary: note.summary, path: note.path,
                  commentary: CommentaryDigest.of(commentary))
    }
}

extension SiteManifest: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("fingerprint", fingerprint)
        w.member("notes", notes)
        w.member("prices", prices)
        w.member("quotes", quotes)
    }
}

extension PublishedPrices: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("series", series)
    }

    /// The object `writeMembers` writes, read by `FlatJSONReader`; nil for anything else.
    init?(flatJSON reader: inout FlatJSONReader) {
        var series: [Series] = []
        let read = reader.take(0x7B) && reader.members(close: 0x7D) { reader in
            reader.string() == "series" && reader.take(0x3A) && reader.take(0x5B) && reader.members(close: 0x5D) { reader in
                var symbol: String?, months: [String]?
                guard reader.take(0x7B), reader.members(close: 0x7D, { reader in
                    switch reader.string() {
                    case "symbol": symbol = reader.take(0x3A) ? reader.string() : nil; return symbol != nil
                    case "months": months = reader.take(0x3A) ? reader.strings() : nil; return months != nil
                    default: return false
                    }
                }), let symbol, let months else { return false }
                series.append(Series(symbol: symbol, months: months))
                return true
            }
        }
        guard read else { return nil }
        self.init(series: series)
    }
}

extension PublishedPrices.Series: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("symbol", symbol)
        w.member("months", months)
    }
}

extension SiteManifest.Entry: JSONObject {
    func writeMembers(to w: JSONByteWriter) {
        w.member("date", date)
        w.member("title", title)
        w.member("summary", summary)
        w.member("path", path)
        w.member("commentary", commentary)
    }
}

/// `notes/index.json` of a site with notes is missing, damaged or cannot be read.
public struct UnreadableManifest: Error, Equatable {
    public enum Problem: Equatable, Sendable {
        case missing, damaged
        /// The file or its folder is there, but the system refuses to read it (permissions).
        case unreadable(reason: String)
    }

    public let path: String
    public let problem: Problem

    public var message: String {
        switch problem {
        case .missing: "the site has notes but no list of them (notes/index.json)"
        case .damaged: "the list of published notes is damaged: it is not the JSON marketnote writes"
        case .unreadable(let reason): "cannot read the list of published notes: \(reason)"
        }
    }

    /// A backfill does not need a missing or damaged list: it writes every note again and the
    /// list with them. One the system refuses to read is a matter of permissions, which a
    /// backfill would not mend.
    public var hint: String {
        switch problem {
        case .missing, .damaged:
            "run `marketnote build --all` to write every note and the list again; the site stays as it is until then"
        case .unreadable:
            "check that the user running marketnote may read it and enter its folders (`ls -ld` shows owner and mode); "
                + "the site stays as it is until then"
        }
    }

    /// Whether a backfill, which writes every note and the list again, can go on without it.
    public var isReplaceable: Bool {
        if case .unreadable = problem { return false }
        return true
    }
}

/// A digest of an editor's commentary (its title and body), recorded with each note in
/// `notes/index.json`: a note whose commentary was edited after it was published is written again
/// by the next build, as the editor expects of "fix the typo and build".
enum CommentaryDigest {
    static func of(_ commentary: Commentary?) -> String? {
        guard let commentary else { return nil }
        var digest = InputDigest()
        digest.add(commentary.title ?? "")
        digest.add(commentary.body)
        return String(digest.value, radix: 16)
    }

    /// Whether a published note's commentary is not the one it was written with: edited, added
    /// or removed since.
    static func isRevised(_ entry: SiteManifest.Entry, _ commentary: [SessionDate: Commentary]) -> Bool {
        entry.commentary != of(commentary[entry.date])
    }
}
