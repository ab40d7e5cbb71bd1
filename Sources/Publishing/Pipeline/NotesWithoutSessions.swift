import MarketData

/// A published note whose session is no longer in the data (a holiday row taken out of the price
/// files, a file cut to recent years): nothing writes it again, and it stayed on the site, the
/// home page and the feed without a word. A backfill (`--all`) leaves it out; other builds say so.
enum NotesWithoutSessions {
    /// One warning naming the first such note and counting the others.
    static func warnings(_ manifest: SiteManifest, sessions: [SessionDate], outputPath: String) -> [Diagnostic] {
        let orphans = manifest.notes.map(\.date).filter { !sessions.contains(session: $0) }
        guard let first = orphans.first else { return [] }
        let others = orphans.count == 1 ? "" : " (and \(orphans.count - 1) other note\(orphans.count == 2 ? "" : "s"))"
        return [Diagnostic(.warning, at: SourceLocation(path: outputPath + "/" + SiteManifest.path),
                           "the site has a note for \(first)\(others), which is no longer a session in the data; it stays as it was",
                           hint: "a backfill (marketnote build --all) writes the site again from the data and leaves such notes out")]
    }
}
