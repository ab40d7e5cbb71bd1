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

/// What a build did, for the one-line summary.
public struct BuildSummary: Sendable {
    public var notes: Int
    public var first: SessionDate?
    public var last: SessionDate?
    /// Published notes written again because their commentary changed since.
    public var revised: [SessionDate] = []
    public var filesWritten: Int
    public var filesUnchanged: Int
    public var outputPath: String
    /// Whether the build started from the previous site's spare (see `AtomicOutput`) instead of
    /// linking every kept file into an empty staging folder.
    public var startedFromSpare: Bool
    /// What the build noticed but published anyway (a price file behind the others).
    public var warnings: [Diagnostic] = []
}
