import Analytics
import MarketData

/// A macro series whose latest reading is two or more periods older than what would be known by
/// the newest note: the notes leave it out as stale, and without a word the editor sees the
/// economy section vanish.
public enum StaleMacro {
    /// One warning per stale series, when the build writes the note of the last session in the
    /// data (an older note is built from what was known then).
    static func warnings(_ analysis: HistoryAnalysis, newest: SessionDate) -> [Diagnostic] {
        guard newest == analysis.sessions.last else { return [] }
        return analysis.macro.compactMap { macro in
            guard let facts = macro.facts(knownOn: newest), facts.isStale else { return nil }
            return Diagnostic(.warning, at: SourceLocation(path: macro.config.file),
                              "\(macro.config.id)'s latest reading is for \(facts.period), two or more periods before what "
                                  + "would be known on \(newest); the notes leave it out as stale",
                              hint: "add the newer readings to the file, or remove the entry from the config")
        }
    }
}
