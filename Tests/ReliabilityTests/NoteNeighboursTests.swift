import Foundation
import MarketData
import Publishing
import Testing

/// Every note links to the note before and after it. A build that adds a note writes its
/// neighbours again, so a site grown by daily builds, or given a missing day later, has the same
/// note pages as one built in one go.
@Suite struct NoteNeighboursTests {
    @discardableResult
    private func build(_ sandbox: ProjectSandbox, _ output: String, _ dates: DateSelection) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: output, dates: dates)).run()
    }

    private func range(_ from: String, _ to: String) -> DateSelection {
        .range(from: SessionDate(from), to: SessionDate(to))
    }

    /// The note pages (and facts files) of a site, by path.
    private func notes(_ site: String) throws -> [String: Data] {
        try SiteSnapshot(of: site + "/notes").files.filter { $0.key.hasSuffix("index.html") || $0.key.hasSuffix("facts.json") }
    }

    @Test func dailyBuildsAndALateMissingDayGiveTheNotePagesOfOneBuild() throws {
        let sandbox = try ProjectSandbox()
        let grown = sandbox.folder + "/grown/site", reference = sandbox.folder + "/reference/site"
        try build(sandbox, reference, range("2025-12-01", "2026-01-15"))

        try build(sandbox, grown, range("2025-12-01", "2026-01-06"))
        try build(sandbox, grown, range("2026-01-08", "2026-01-12"))  // January 7 left out
        for day in ["2026-01-13", "2026-01-14"] {
            let summary = try build(sandbox, grown, .single(SessionDate(day)!))
            #expect(summary.notes == 1 && summary.first == SessionDate(day))
        }
        try build(sandbox, grown, .latest)
        try build(sandbox, grown, .single(SessionDate("2026-01-07")!))  // the missing day, late
        let (built, expected) = (try notes(grown), try notes(reference))
        #expect(built.count == expected.count && built.count == 64)
        let differences = try SiteSnapshot(of: grown + "/notes").differences(from: SiteSnapshot(of: reference + "/notes"))
        #expect(built == expected, "\(differences)")

        let page = try String(contentsOfFile: reference + "/notes/2026-01-14/index.html", encoding: .utf8)
        #expect(page.contains("Previous note: <a href=\"../2026-01-13/index.html\" rel=\"prev\"><time datetime=\"2026-01-13\">January 13, 2026</time></a>"))
        #expect(page.contains("Next note: <a href=\"../2026-01-15/index.html\" rel=\"next\"><time datetime=\"2026-01-15\">January 15, 2026</time></a>"))
        let newest = try String(contentsOfFile: reference + "/notes/2026-01-15/index.html", encoding: .utf8)
        #expect(!newest.contains("Next note"))
    }
}
