import Foundation
import MarketData
import Publishing
import Testing

/// Every bad input of the catalogue stops the build with its exact position, a hint and exit
/// status 1, and leaves the previously published site as it was.
@Suite struct BadInputTests {
    @Test(arguments: BadInputCatalogue.all)
    func badInputIsReportedAtItsPositionAndPublishesNothing(_ input: BadInput) throws {
        let sandbox = try ProjectSandbox()
        for change in input.changes { try sandbox.apply(change) }
        let printed = try buildExpectingFailure(sandbox, dates: input.dates)
        #expect(printed.entries.map(\.location) == input.expected.map(\.location), "\(printed.entries)")
        for (entry, expected) in zip(printed.entries, input.expected) {
            #expect(entry.message.contains(expected.message), "\(entry)")
        }
    }

    @Test func threeBadFilesAreAllReportedInOneRun() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(Sample.priceRows("2025-01-02,1,2,0.5,NaN,1,10"))
        try sandbox.apply(Sample.lines(Sample.macro, "date,value", "2025Q1,1", "2025Q1,2"))
        try sandbox.apply(Sample.quoteLine("date: 2026-01-14", "date: yesterday"))
        let printed = try buildExpectingFailure(sandbox)
        #expect(printed.entries.map(\.location) == [
            "content/data/IWM.csv:2:20", "content/data/gdp-nowcast.csv:3:1", "content/quotes/2026-01-14-reyes.md:4:7",
        ])
    }

    @Test func everyBadRowOfAFileIsReportedUpToALimit() throws {
        let sandbox = try ProjectSandbox()
        let rows = (1...30).map { String(format: "2025-01-%02d,1,2,0.5,x,1,10", $0) }
        try sandbox.apply(Sample.lines(Sample.prices, [Sample.yahooHeader] + rows))
        let printed = try buildExpectingFailure(sandbox)
        #expect(printed.entries.count == 21)
        #expect(printed.entries.prefix(20).map(\.location) == (2...21).map { "content/data/IWM.csv:\($0):20" })
        #expect(printed.entries.last?.message.contains("too many errors in this file") == true)
    }

    /// A key typo in the config hid every data file's errors until it was fixed, one run each:
    /// a config that can be read despite its errors still has its data files checked.
    @Test func aConfigErrorIsReportedWithBadData() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.replace(Sample.config, "title: The Small-Cap Desk", with: "title: The Small-Cap Desk\ntitel: typo"))
        try sandbox.apply(Sample.priceRows("2025-01-02,1,2,0.5,NaN,1,10"))
        let printed = try buildExpectingFailure(sandbox)
        #expect(printed.entries.map(\.location) == ["marketnote.yml:3:1", "content/data/IWM.csv:2:20"], "\(printed.entries)")
    }

    @Test func aBadTemplateIsReportedWithBadData() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(Sample.priceRows("2025-01-02,1,2,0.5,NaN,1,10"))
        try sandbox.apply(Sample.lines("templates/note.md", "{{% CONTENT_TYPE: MARKDOWN}}", "{{#facts}}"))
        let printed = try buildExpectingFailure(sandbox)
        #expect(printed.entries.map(\.location) == ["content/data/IWM.csv:2:20", "templates/note.md:2:1"])
    }

    @Test(.enabled(if: MarketNoteCommand.binary != nil, "needs the marketnote binary beside the tests"),
          arguments: [["--bogus"], ["--date", "2026-13-45"], ["--from", "2026-01-15", "--to", "2026-01-02"], ["--jobs", "-1"],
                      ["--date", "2026-01-15", "--all"]])
    func badUsageExitsWithStatus2AndPublishesNothing(_ arguments: [String]) throws {
        let sandbox = try ProjectSandbox()
        let request = BuildRequest(project: sandbox.project, output: sandbox.output)
        let result = try RunningBuild(try #require(MarketNoteCommand.binary), request, extraArguments: arguments).wait()
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error:"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.output))
    }

    /// An input review: `--jobs -1` printed "Missing value for '--jobs'", to a user who gave one.
    @Test(.enabled(if: MarketNoteCommand.binary != nil, "needs the marketnote binary beside the tests"))
    func aNegativeJobCountIsRefusedWithItsReason() throws {
        let sandbox = try ProjectSandbox()
        let request = BuildRequest(project: sandbox.project, output: sandbox.output)
        let result = try RunningBuild(try #require(MarketNoteCommand.binary), request, extraArguments: ["--jobs", "-1"]).wait()
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs must be 0 (one per core) or more"), "\(result.stderr)")
    }

    /// Builds `sandbox` over a copy of the published sample site and checks what every failed
    /// build must do: exit 1, print only diagnostics (each with a hint) and the summary line, and
    /// leave the site and its folder exactly as they were.
    private func buildExpectingFailure(_ sandbox: ProjectSandbox, dates: DateSelection = .latest,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PrintedDiagnostics {
        try PublishedSite.copySample(to: sandbox.output)
        let before = try SiteSnapshot(of: sandbox.output)
        let result = try MarketNoteCommand.build(BuildRequest(project: sandbox.project, output: sandbox.output, dates: dates))
        let printed = PrintedDiagnostics(result.stderr)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(printed.strayLines.isEmpty, "\(printed.strayLines)", sourceLocation: sourceLocation)
        for entry in printed.entries where entry.hint?.isEmpty ?? true {
            Issue.record("no hint: \(entry)", sourceLocation: sourceLocation)
        }
        let count = printed.entries.count
        #expect(printed.summary == "\(count) error\(count == 1 ? "" : "s"); nothing was published", sourceLocation: sourceLocation)
        let after = try SiteSnapshot(of: sandbox.output)
        #expect(after.differences(from: before).isEmpty && after.modificationDates == before.modificationDates,
                "the published site changed", sourceLocation: sourceLocation)
        #expect(SiteSnapshot.leftovers(beside: sandbox.output).isEmpty, sourceLocation: sourceLocation)
        return printed
    }
}
