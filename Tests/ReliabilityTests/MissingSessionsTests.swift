import Foundation
import MarketData
import Publishing
import Testing

/// Sessions missing inside a price file are named, with their dates, at the row after them: every
/// return across the gap spans it.
@Suite struct MissingSessionsTests {
    /// IWM's file without its rows from `from` through `to`.
    static func removeRows(_ sandbox: ProjectSandbox, from: String, to: String) throws {
        try sandbox.apply(.edit("content/data/IWM.csv") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { line in !(String(line.prefix(10)) >= from && String(line.prefix(10)) <= to) }
                .joined(separator: "\n")
        })
    }

    private func build(_ sandbox: ProjectSandbox) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
    }

    @Test func aMonthMissingInsideAFileIsNamedWithItsDates() throws {
        let sandbox = try ProjectSandbox()
        try Self.removeRows(sandbox, from: "2024-03-01", to: "2024-03-31")
        try Self.removeRows(sandbox, from: "2023-06-05", to: "2023-06-09")
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.description) == ["content/data/IWM.csv:5974:1"])
        // March 2024: 21 weekdays less Good Friday (March 29).
        #expect(warnings.first?.message == "IWM has no prices for 20 sessions, 2024-03-01 to 2024-03-28 "
            + "(and 1 other gap); the daily return of 2024-04-01 spans 21 sessions, and the 5D returns of the five rows from it 25")
    }

    /// A row of "null" prices is left out: on a day the market was closed without a word, on a
    /// session with a warning at its line, since the next session's returns span two.
    @Test func aNullRowOnASessionIsNamedAtItsLine() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.edit("content/data/SPY.csv") { text in
            text.replacingOccurrences(of: "\n2025-12-26,", with: "\n2025-12-25,null,null,null,null,null,null\n2025-12-26,")
        })
        #expect(try build(sandbox).warnings.isEmpty)
        try sandbox.apply(.edit("content/data/SPY.csv") { text in
            text.replacingOccurrences(of: #"\n2026-01-08,[^\n]*"#, with: "\n2026-01-08,null,null,null,null,null,null", options: .regularExpression)
        })
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.description) == ["content/data/SPY.csv:6546:1"])
        #expect(warnings.first?.message.hasPrefix("SPY has a row of 'null' prices on 2026-01-08, a session of the 'nyse' calendar") == true)
    }

    /// The numbers audit: a file without its row of 2008-10-10 gave the note of 10-13 "rose 12.1%,
    /// its biggest one-day gain since January 3, 2001" for two sessions' move, without a word (a
    /// gap was named from five sessions).
    @Test func aSingleMissingSessionIsNamedAtTheRowAfterIt() throws {
        let sandbox = try ProjectSandbox()
        #expect(try build(sandbox).warnings.isEmpty)
        try Self.removeRows(sandbox, from: "2026-01-08", to: "2026-01-08")
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.description) == ["content/data/IWM.csv:6444:1"])
        #expect(warnings.map(\.message) == ["IWM has no prices for 2026-01-08, a session of the 'nyse' calendar; "
            + "the daily return of 2026-01-09 spans two sessions, and the 5D returns of the five rows from it six"])
    }
}
