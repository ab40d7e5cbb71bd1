import MarketData
import Publishing
import Testing

/// One way a project can be wrong, and exactly what marketnote must say about it.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// An error marketnote must print: where (`path:line:column`) and words its message holds.
    struct Expected: Sendable {
        var location: String
        var message: String
    }

    let name: String
    let changes: [FileChange]
    let expected: [Expected]
    /// Which notes the build is asked for (a date outside the data is a bad input too).
    var dates: DateSelection = .latest

    init(_ name: String, _ changes: FileChange..., dates: DateSelection = .latest, expect expected: [(String, String)]) {
        self.name = name
        self.changes = changes
        self.dates = dates
        self.expected = expected.map { Expected(location: $0.0, message: $0.1) }
    }

    init(_ name: String, _ changes: FileChange..., dates: DateSelection = .latest, expect location: String, _ message: String) {
        self.name = name
        self.changes = changes
        self.dates = dates
        self.expected = [Expected(location: location, message: message)]
    }

    var testDescription: String { name }
}

/// Files of the sample project that the catalogue breaks, and ways to write them.
enum Sample {
    static let config = "marketnote.yml"
    static let prices = "content/data/IWM.csv"
    static let macro = "content/data/gdp-nowcast.csv"
    static let breadth = "content/data/guidance.csv"
    static let quote = "content/quotes/2026-01-14-reyes.md"
    static let commentary = "content/notes/2026-01-15.md"
    static let yahooHeader = "Date,Open,High,Low,Close,Adj Close,Volume"

    /// The price file as a Yahoo Finance CSV holding `rows`, each ended by a line feed.
    static func priceRows(_ rows: String...) -> FileChange {
        .write(prices, ([yahooHeader] + rows).map { $0 + "\n" }.joined())
    }

    static func lines(_ path: String, _ lines: String...) -> FileChange { self.lines(path, lines) }

    static func lines(_ path: String, _ lines: [String]) -> FileChange {
        .write(path, lines.map { $0 + "\n" }.joined())
    }

    /// The sample quote with one front-matter line replaced (`nil` removes it).
    static func quoteLine(_ old: String, _ new: String?) -> FileChange {
        .replace(quote, old + "\n", with: new.map { $0 + "\n" } ?? "")
    }

    static let validQuote = ["---", "by: Marisol Reyes", "firm: Cobalt Street Advisors", "date: 2026-01-14", "---"]
}
