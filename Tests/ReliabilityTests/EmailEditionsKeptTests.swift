import Foundation
import MarketData
import Publishing
import Testing

/// A note written again gets its email edition again: `--all` after a template change dropped
/// the editions of every earlier day, and `send --date` could no longer find them.
@Suite struct EmailEditionsKeptTests {
    @Test func aBackfillWritesTheEditionsTheSiteHadAgain() throws {
        let sandbox = try ProjectSandbox()
        let build = { (dates: DateSelection, everyNote: Bool) in
            try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output,
                                                    dates: dates, emailForEveryNote: everyNote)).run()
        }
        _ = try build(.range(from: SessionDate("2026-01-08"), to: SessionDate("2026-01-12")), true)
        let mailed = try EmailEditions.publishedDates(inSite: sandbox.output)
        #expect(mailed.map(\.description).sorted() == ["2026-01-08", "2026-01-09", "2026-01-12"])
        let before = try SiteSnapshot(of: sandbox.output + "/email")

        _ = try build(.all, false)
        let after = try SiteSnapshot(of: sandbox.output + "/email")
        #expect(try EmailEditions.publishedDates(inSite: sandbox.output) == mailed.union([SessionDate("2026-01-15")!]))
        #expect(before.files.allSatisfy { after.files[$0.key] == $0.value }, "\(before.differences(from: after))")
    }
}
