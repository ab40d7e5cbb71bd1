import Foundation
import MarketData
import Publishing
import Testing

/// A release read as known at its period's end, with no `lagDays`, told each quarter's GDP on the
/// first session after the quarter: "Real GDP growth at its weakest since Q4 1990" headlined
/// 2008-10-01, four weeks before the advance estimate was published. The build says so.
@Suite struct UnstatedReleaseLagTests {
    private func build(_ sandbox: ProjectSandbox) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
    }

    private static let nowcast = "    available: period-start\n    topics: [macro, economy]"

    @Test func aReleaseWithNoLagIsNamedAtItsAvailability() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.replace("marketnote.yml", Self.nowcast, with: "    available: period-end\n    topics: [macro, economy]"))
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location) == [SourceLocation(path: "marketnote.yml", line: 43, column: 16)])
        #expect(warnings.first?.message == "gdp-nowcast is available at its period's end with no lagDays: the notes tell each "
            + "reading on the first session after its period, before it was released")
    }

    @Test func aBreadthReleaseWithNoLagIsNamedToo() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.replace("marketnote.yml", "    available: period-start\n    topics: [earnings",
                                   with: "    available: period-end\n    topics: [earnings"))
        #expect(try build(sandbox).warnings.map(\.location) == [SourceLocation(path: "marketnote.yml", line: 66, column: 16)])
    }

    /// `lagDays: 0` says the reading really is known as its period ends; a lag says when.
    @Test func aStatedLagIsNotNamed() throws {
        for lag in ["0", "30"] {
            let sandbox = try ProjectSandbox()
            try sandbox.apply(.replace("marketnote.yml", Self.nowcast,
                                       with: "    available: period-end\n    lagDays: \(lag)\n    topics: [macro, economy]"))
            #expect(try build(sandbox).warnings.isEmpty, "\(lag)")
        }
    }
}
