/// The newsletter project, as `marketnote.yml` describes it.
public struct ProjectConfig: Sendable {
    public var title: String
    public var description: String
    /// Absolute base URL of the published site, ending with `/`.
    public var baseURL: String
    public var language: String
    public var author: String
    /// Printed at the foot of every page and email (a sample project says its data are synthetic).
    public var disclaimer: String?
    public var email: EmailSettings
    public var series: [SeriesConfig]
    public var comparisons: [ComparisonConfig]
    public var macro: [MacroConfig]
    public var breadth: [BreadthConfig]
    public var quotes: QuoteSettings
    /// Dates that returns are also measured from ("since the April low").
    public var since: [ReferenceDate]
    /// Where the site is written, relative to the project.
    public var outputDirectory: String
    /// The market's trading days (`calendar:`), which tell where a month ends.
    public var calendar: ExchangeCalendar = .nyse
    /// Where the config came from, for diagnostics.
    public var path: String
    /// Where each top-level value is written, for diagnostics.
    public var valueLocations: [String: SourceLocation] = [:]
    /// What `marketnote.yml` says, without its comments and layout (`ProjectConfigReader.meaning`):
    /// part of the digest of what the site's pages are rendered from.
    public var meaning = ""

    public func series(_ symbol: String) -> SeriesConfig? { series.first { $0.symbol == symbol } }

    public init(title: String, description: String, baseURL: String, language: String, author: String, disclaimer: String?, email: EmailSettings, series: [SeriesConfig], comparisons: [ComparisonConfig], macro: [MacroConfig], breadth: [BreadthConfig], quotes: QuoteSettings, since: [ReferenceDate], outputDirectory: String, path: String) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.author = author
        self.disclaimer = disclaimer
        self.email = email
        self.series = series
        self.comparisons = comparisons
        self.macro = macro
        self.breadth = breadth
        self.quotes = quotes
        self.since = since
        self.outputDirectory = outputDirectory
        self.path = path
    }
}

/// How email editions are addressed.
public struct EmailSettings: Sendable {
    /// `Name <address>` for the From header.
    public var from: String
    public var subjectPrefix: String?
    /// Where a reader unsubscribes (`email.unsubscribe`): `https:` or `mailto:` URLs for the
    /// List-Unsubscribe header (RFC 2369) and the email's foot.
    public var unsubscribe: [String]

    public init(from: String, subjectPrefix: String?, unsubscribe: [String] = []) {
        self.from = from
        self.subjectPrefix = subjectPrefix
        self.unsubscribe = unsubscribe
    }

    /// The subject line of the note titled `title`: "[Small-Cap Desk] Small caps extend …".
    public func subject(for title: String) -> String {
        (subjectPrefix.map { $0 + " " } ?? "") + title
    }

    /// The unsubscribe link at an email's foot: a web page when there is one, since a page works
    /// in every client, a mail address otherwise.
    public var unsubscribeLink: String? {
        unsubscribe.first { !$0.lowercased().hasPrefix("mailto:") } ?? unsubscribe.first
    }

    /// The sender of a project without `email.from`: a reserved domain (RFC 2606), so a message
    /// built with it is never delivered by mistake; `send` refuses it.
    public static let placeholderAddress = "newsletter@example.invalid"

    /// Whether a From header's address is the placeholder's domain.
    public static func isPlaceholder(_ from: String) -> Bool {
        from.hasSuffix("@example.invalid>") || from.hasSuffix("@example.invalid")
    }
}

/// Whether returns use closing prices or dividend-adjusted closes.
public enum ReturnBasis: String, Sendable, Codable, CaseIterable {
    case price
    case total
}

/// One price series of the project.
public struct SeriesConfig: Sendable {
    public var symbol: String
    /// Full name, e.g. "iShares Russell 2000 ETF".
    public var name: String
    /// What the series stands for in a sentence, e.g. "small caps".
    public var shortName: String
    /// Whether `shortName` takes a plural verb ("small caps extend", "the S&P 500 extends").
    public var plural: Bool
    public var file: String
    public var returns: ReturnBasis
    public var topics: [String]
    public var location: SourceLocation
    /// Where each value of the entry is written, for diagnostics.
    public var valueLocations: [String: SourceLocation] = [:]

    public init(symbol: String, name: String, shortName: String, plural: Bool, file: String, returns: ReturnBasis, topics: [String], location: SourceLocation) {
        self.symbol = symbol
        self.name = name
        self.shortName = shortName
        self.plural = plural
        self.file = file
        self.returns = returns
        self.topics = topics
        self.location = location
    }
}

/// A pair whose relative performance the note follows ("small caps vs large caps").
public struct ComparisonConfig: Sendable {
    public var leader: String
    public var benchmark: String
    public var location: SourceLocation
    /// Where `leader` and `benchmark` are written, for diagnostics.
    public var valueLocations: [String: SourceLocation] = [:]

    public init(leader: String, benchmark: String, location: SourceLocation) {
        self.leader = leader
        self.benchmark = benchmark
        self.location = location
    }
}

/// When an observation becomes known: a nowcast or survey from the start of its period, an
/// official release after its period ends, `lagDays` later (the advance GDP estimate comes about
/// 30 days after its quarter, so a note must not state it the day the quarter ends).
public struct Availability: Sendable, Hashable {
    public enum Anchor: String, Sendable, CaseIterable {
        case periodStart = "period-start"
        case periodEnd = "period-end"
    }

    public var anchor: Anchor
    /// Days after the period's start (`periodStart`) or after the day following its end (`periodEnd`).
    public var lagDays: Int

    public init(_ anchor: Anchor, lagDays: Int = 0) {
        self.anchor = anchor
        self.lagDays = lagDays
    }

    public static let periodStart = Availability(.periodStart)
    public static let periodEnd = Availability(.periodEnd)
}

/// A stretch of periods left out of "highest since" searches, such as a post-pandemic rebound.
public struct ExclusionWindow: Sendable, Hashable, Codable {
    public var from: ObservationPeriod
    public var to: ObservationPeriod
    public var label: String

    public init(from: ObservationPeriod, to: ObservationPeriod, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }

    public func contains(_ period: ObservationPeriod) -> Bool {
        period.lastDay >= from.firstDay && period.firstDay <= to.lastDay
    }
}

/// How a macro column becomes the value the note reports.
public enum MacroTransform: String, Sendable, Codable, CaseIterable {
    /// The column already holds the value (a growth rate in %, a rate, an index).
    case none
    /// The column holds a quarterly level; report ((L_t / L_{t-1})^4 − 1) × 100.
    case annualisedGrowth = "annualised-growth"
}

/// One macro series (GDP nowcast, CPI, …).
public struct MacroConfig: Sendable {
    public var id: String
    public var name: String
    /// A shorter name for headlines.
    public var shortName: String
    public var file: String
    public var column: String?
    public var transform: MacroTransform
    /// Unit suffix of formatted values: "%" for rates.
    public var unit: String
    public var exclude: [ExclusionWindow]
    public var availability: Availability
    public var topics: [String]
    public var location: SourceLocation
    /// Where each value of the entry is written, for diagnostics.
    public var valueLocations: [String: SourceLocation] = [:]

    public init(id: String, name: String, shortName: String, file: String, column: String?, transform: MacroTransform, unit: String, exclude: [ExclusionWindow], availability: Availability, topics: [String], location: SourceLocation) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.file = file
        self.column = column
        self.transform = transform
        self.unit = unit
        self.exclude = exclude
        self.availability = availability
        self.topics = topics
        self.location = location
    }
}

/// One group of a breadth table (a column and how to call it).
public struct BreadthGroup: Sendable, Hashable {
    public var column: String
    public var label: String
    /// Whether `label` takes a plural verb.
    public var plural: Bool

    public init(column: String, label: String, plural: Bool) {
        self.column = column
        self.label = label
        self.plural = plural
    }
}

/// Guesses whether a noun phrase takes a plural verb: "small caps" does, "the S&P 500" does not.
public enum GrammaticalNumber {
    public static func isPlural(_ phrase: String) -> Bool {
        guard let last = phrase.split(separator: " ").last?.lowercased() else { return false }
        return last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us") && !last.hasSuffix("is")
    }
}

/// A breadth table: one value per group per period (the share of companies raising guidance).
public struct BreadthConfig: Sendable {
    public var id: String
    /// What the table measures, as it reads in a sentence ("the share of companies raising guidance").
    public var name: String
    /// A shorter name for headlines ("guidance raisers").
    public var shortName: String
    public var file: String
    public var groups: [BreadthGroup]
    /// The group whose lead the note watches.
    public var focus: String
    /// Symbols whose relative return measures what followed a new lead.
    public var outcome: (leader: String, benchmark: String)?
    public var availability: Availability
    public var topics: [String]
    public var location: SourceLocation
    /// Where each value of the entry is written, for diagnostics; `groups.<column>` for each group.
    public var valueLocations: [String: SourceLocation] = [:]

    public init(id: String, name: String, shortName: String, file: String, groups: [BreadthGroup], focus: String, outcome: (leader: String, benchmark: String)?, availability: Availability, topics: [String], location: SourceLocation) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.file = file
        self.groups = groups
        self.focus = focus
        self.outcome = outcome
        self.availability = availability
        self.topics = topics
        self.location = location
    }
}

/// A date that returns are measured from, with how a sentence names it.
public struct ReferenceDate: Sendable, Hashable {
    public var date: SessionDate
    public var label: String
    /// Where `date` is written in the config.
    public var location: SourceLocation

    public init(date: SessionDate, label: String, location: SourceLocation) {
        self.date = date
        self.label = label
        self.location = location
    }
}

/// Which quotes a note may carry.
public struct QuoteSettings: Sendable {
    /// Quotes dated up to this many days before the note.
    public var windowDays: Int
    public var maximum: Int

    public init(windowDays: Int, maximum: Int) {
        self.windowDays = windowDays
        self.maximum = maximum
    }
}
