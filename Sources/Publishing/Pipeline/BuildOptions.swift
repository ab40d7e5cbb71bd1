import MarketData

/// Which sessions a build writes notes for.
public enum DateSelection: Sendable, Equatable {
    /// The last session in the data.
    case latest
    case single(SessionDate)
    /// Every session from one date to another, inclusive.
    case range(from: SessionDate?, to: SessionDate?)
    /// Every session in the data.
    case all
    /// Every note the site has, written again (after a template change), and no other.
    case published
}

/// What `marketnote build` was asked to do.
public struct BuildOptions: Sendable {
    public var projectRoot: String
    /// Overrides the config's output folder.
    public var outputPath: String?
    public var dates: DateSelection
    /// Write email editions for every note built, not only the latest.
    public var emailForEveryNote: Bool
    /// Threads for composing and rendering; 0 means one per core.
    public var jobs: Int
    /// Warnings are errors: a build that has any publishes nothing (`--strict`), so that a
    /// scripted `build && send` never mails a note the build had doubts about.
    public var strict = false

    public init(projectRoot: String, outputPath: String? = nil, dates: DateSelection = .latest,
                emailForEveryNote: Bool = false, jobs: Int = 0, strict: Bool = false) {
        self.projectRoot = projectRoot
        self.outputPath = outputPath
        self.dates = dates
        self.emailForEveryNote = emailForEveryNote
        self.jobs = jobs
        self.strict = strict
    }
}

extension BuildSummary {
    /// The one line a build prints: `wrote 1 note (2026-01-15) to output: 13 files written, 0 unchanged`,
    /// and `, 2 removed` when files of the previous site are gone from the new one.
    public var line: String {
        let range = first == last ? "\(first!)" : "\(first!) to \(last!)"
        return "wrote \(notes) note\(notes == 1 ? "" : "s") (\(range))\(revisedClause) to \(outputPath): "
            + "\(filesWritten) file\(filesWritten == 1 ? "" : "s") written, \(filesUnchanged) unchanged"
            + (filesRemoved > 0 ? ", \(filesRemoved) removed" : "")
    }

    /// " and rewrote 2026-01-14 for its edited commentary"; more than three dates are counted
    /// (the first build after an upgrade rewrites every note with commentary once). Notes written
    /// again for changed templates or configuration, corrected prices or edited quotes are clauses of their own.
    private var revisedClause: String {
        var clauses: [String] = []
        switch revised.count {
        case 0: break
        case 1: clauses.append("\(revised[0]) for its edited commentary")
        case 2...3: clauses.append("\(revised.map(\.description).joined(separator: ", ")) for their edited commentary")
        default: clauses.append(Self.span(revised) + " for their edited commentary")
        }
        for (notes, reason) in [(restyled, "changed templates or configuration"), (repriced, "corrected prices"),
                                (requoted, "edited quotes")] where !notes.isEmpty {
            clauses.append(Self.span(notes) + " for " + reason)
        }
        let added = restored.count == 1 ? "\(restored[0]) (a session new to the data)"
            : restored.isEmpty ? "" : Self.span(restored) + " for sessions new to the data"
        return (clauses.isEmpty ? "" : " and rewrote " + clauses.joined(separator: " and ")) + (added.isEmpty ? "" : " and added " + added)
    }

    /// "2026-01-14", or "4 notes (2026-01-09 to 2026-01-14)".
    private static func span(_ notes: [SessionDate]) -> String {
        notes.count == 1 ? "\(notes[0])" : "\(notes.count) notes (\(notes.first!) to \(notes.last!))"
    }
}

/// What a build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public var notes: Int
    public var first: SessionDate?
    public var last: SessionDate?
    /// Published notes written again because their commentary changed since.
    public var revised: [SessionDate] = []
    /// Published notes written again because the templates or configuration changed since.
    public var restyled: [SessionDate] = []
    /// Published notes written again because prices they were written from were corrected since.
    public var repriced: [SessionDate] = []
    /// Published notes written again because a quote they could carry was edited, added or removed since.
    public var requoted: [SessionDate] = []
    /// Notes written for sessions whose rows were added to the data after the notes around them.
    public var restored: [SessionDate] = []
    public var filesWritten: Int
    public var filesUnchanged: Int
    /// Files of the previous site the new one no longer has (a file taken out of `static/`).
    public var filesRemoved = 0
    public var outputPath: String
    /// Whether the build started from the previous site's spare (see `AtomicOutput`) instead of
    /// linking every kept file into an empty staging folder.
    public var startedFromSpare: Bool
    /// What the build noticed but published anyway (a price file behind the others).
    public var warnings: [Diagnostic] = []
}
