import Foundation
import MarketData
import Publishing
import Testing

/// When one price file was not updated, the day's note is still built from the others, and the
/// build names the file that is behind; a series that stopped long ago is left alone.
@Suite struct LateSeriesTests {
    /// Rows after the sample's last session (2026-01-15), for SPY only.
    static let spyRows = ["2026-01-16", "2026-01-20", "2026-01-21", "2026-01-22", "2026-01-23", "2026-01-26"]
        .map { "\($0),689.50,692.00,688.00,691.00,691.00,50000000\n" }

    static func appendToSPY(_ sandbox: ProjectSandbox, sessions: Int) throws {
        let rows = Self.spyRows.prefix(sessions).joined()
        try sandbox.apply(.edit("content/data/SPY.csv") { $0 + rows })
    }

    @Test func theFilesBehindTheNewestSessionAreNamedAndTheNoteIsBuilt() throws {
        let sandbox = try ProjectSandbox()
        #expect(try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
            .warnings.isEmpty)
        try Self.appendToSPY(sandbox, sessions: 2)
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.last == SessionDate("2026-01-20"))
        #expect(summary.warnings.map(\.location.path) == ["content/data/IWM.csv", "content/data/MAGS.csv"])
        #expect(summary.warnings.allSatisfy { $0.severity == .warning })
        #expect(summary.warnings.first?.message == "IWM has no price for 2026-01-20, the newest session in the data; "
            + "the note shows its close of 2026-01-15")
        // A note of an earlier session is built from the data it had, which may well be behind.
        let earlier = BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: .single(SessionDate("2026-01-16")!))
        #expect(try BuildPipeline(options: earlier).run().warnings.isEmpty)
    }

    /// "Year to date, SPY is up 0.3%, IWM is up 7.6% …" gave IWM's return of an earlier session as
    /// if it were the day's: a series behind the note's session is dated, as in the returns table.
    @Test func theProseDatesTheReturnsOfASeriesBehindTheNote() throws {
        let sandbox = try ProjectSandbox()
        try Self.appendToSPY(sandbox, sessions: 2)
        _ = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        let email = try String(contentsOfFile: sandbox.output + "/email/2026-01-20.md", encoding: .utf8)
        #expect(email.contains("IWM (as of Jan. 15) is up 7.6%"), "\(email)")
        #expect(email.contains("MAGS (as of Jan. 15) is down 0.1%"), "\(email)")
        #expect(!email.contains("SPY (as of"))
    }

    /// A price file left on December 31 gave the note of January 2 "Year to date, IXIC (as of
    /// Dec. 31) is down 3.9%": the whole of the year before, under the new year's YTD. A month,
    /// quarter or year to date is only the note's own: "n/a" in the dated row, with the reason under
    /// the table, nothing in the prose, and no year end in the facts.
    @Test func aSeriesBehindTheNoteHasNoReturnForAMonthOrYearItHasNoCloseIn() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.edit("content/data/IWM.csv") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("2026-") }.joined(separator: "\n")
        })
        let options = BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: .single(SessionDate("2026-01-02")!),
                                   emailForEveryNote: true)
        _ = try BuildPipeline(options: options).run()
        let email = try String(contentsOfFile: sandbox.output + "/email/2026-01-02.md", encoding: .utf8)
        let row = try #require(email.split(separator: "\n").first { $0.hasPrefix("| IWM") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }  // Series, Close, 1D, 5D, MTD, YTD, 1Y
        #expect(cells[0] == "IWM (Dec. 31)" && cells[4] == "n/a" && cells[5] == "n/a", "\(row)")
        #expect(![cells[2], cells[3], cells[6]].contains("n/a"), "\(row)")
        #expect(email.contains("n/a in a dated row: its last close came before the note's month or year began"))
        #expect(!email.contains("n/a: the series' data do not reach back that far"))
        #expect(!email.contains("IWM (as of") && !email.contains("In 2025, IWM"), "\(email)")
        let facts = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sandbox.output + "/notes/2026-01-02/facts.json")))
        let series = try #require(((facts as? [String: Any])?["facts"] as? [String: Any])?["series"] as? [[String: Any]])
        let iwm = try #require(series.first { $0["symbol"] as? String == "IWM" })
        let returns = try #require(iwm["returns"] as? [[String: Any]])
        #expect(returns.filter { $0["value"] == nil || $0["value"] is NSNull }.compactMap { $0["period"] as? String } == ["MTD", "QTD", "YTD"])
        #expect(["yearEnd", "monthEnd"].allSatisfy { iwm[$0] == nil || iwm[$0] is NSNull }, "\(iwm.keys.sorted())")
    }

    /// A nowcast file that stopped being updated made the economy section vanish without a word.
    @Test func aMacroSeriesLeftOutAsStaleIsNamed() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.edit("content/data/gdp-nowcast.csv") { $0.replacingOccurrences(of: "2025Q3,2.3\n2025Q4,5.3\n", with: "") })
        let warnings = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run().warnings
        #expect(warnings.map(\.description) == [
            "content/data/gdp-nowcast.csv:1:1: warning: gdp-nowcast's latest reading is for 2025Q2, two or more periods before "
                + "what would be known on 2026-01-15; the notes leave it out as stale\n"
                + "    hint: add the newer readings to the file, or remove the entry from the config",
        ])
        // The note of a session when the reading was current says nothing.
        let earlier = BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: .single(SessionDate("2025-06-02")!))
        #expect(try BuildPipeline(options: earlier).run().warnings.isEmpty)
    }

    @Test func aSeriesMoreThanAWeekOfSessionsBehindIsTakenToHaveStopped() throws {
        let sandbox = try ProjectSandbox()
        try Self.appendToSPY(sandbox, sessions: LateSeries.sessionsReported)
        let options = BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)
        #expect(try BuildPipeline(options: options).run().warnings.count == 2)
        try sandbox.apply(.edit("content/data/SPY.csv") { $0 + Self.spyRows[LateSeries.sessionsReported] })
        #expect(try BuildPipeline(options: options).run().warnings.isEmpty)
    }

    @Test func theCommandPrintsTheWarningsAndPublishes() throws {
        let sandbox = try ProjectSandbox()
        try Self.appendToSPY(sandbox, sessions: 2)
        let result = try MarketNoteCommand.build(BuildRequest(project: sandbox.project, output: sandbox.output))
        #expect(result.status == 0)
        #expect(result.stderr.contains("content/data/IWM.csv:1:1: warning: IWM has no price for 2026-01-20"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: add the missing sessions to the file"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-20/index.html"))
    }
}
