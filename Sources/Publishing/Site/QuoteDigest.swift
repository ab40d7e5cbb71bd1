import MarketData

/// The analyst quotes the site's notes were written with, recorded in `notes/index.json` as one
/// line a quote: its file name, its date and a digest of everything a note shows of it. A quote
/// edited, added or removed since is told by its line, and every published note whose window held
/// it (its date to `windowDays` later) is written again, as a note with edited commentary is:
/// fixing a typo in a quote needs only `marketnote build`.
enum QuoteDigest {
    /// "2026-01-09-lindqvist 2026-01-09 0123456789abcdef" for each quote, by file name.
    static func lines(_ quotes: [Quote]) -> [String] {
        quotes.map { quote in
            var digest = InputDigest()
            // A field left out is told from one left empty: the note shows them differently.
            for field in [quote.by, quote.firm.map { "+" + $0 } ?? "-", quote.text, quote.url.map { "+" + $0 } ?? "-"] + quote.topics {
                digest.add(field)
            }
            return "\(quote.id) \(quote.date) \(String(digest.value, radix: 16))"
        }.sorted()
    }

    /// Whether a note's date lies in the window (a quote's date to `windowDays` later) of a quote
    /// that changed since the site recorded its quotes, either version of an edited one; nil when
    /// none changed, or the site recorded none.
    static func changedWindows(_ manifest: SiteManifest, lines: [String], windowDays: Int) -> ((SessionDate) -> Bool)? {
        guard let recorded = manifest.quotes else { return nil }
        // The date is the line's second field from the end: a file name may hold spaces.
        let changedDates = Set(recorded).symmetricDifference(lines).compactMap { line in
            line.split(separator: " ").dropLast().last.flatMap { SessionDate(String($0)) }
        }
        guard !changedDates.isEmpty else { return nil }
        return { note in changedDates.contains { $0 <= note && note <= $0.adding(days: windowDays) } }
    }
}
