import Foundation
import MarketData
import Publishing
import Testing

/// A project without a description had "The Small-Cap Desk · " in every footer: Mustache counts an
/// empty string as a value, so the optional parts of `site` are left out when empty.
@Suite struct OptionalSiteValuesTests {
    @Test func aProjectWithoutADescriptionHasNoDanglingSeparator() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.edit("marketnote.yml") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("description:") }.joined(separator: "\n")
        })
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.warnings.isEmpty)
        let home = try String(contentsOfFile: sandbox.output + "/index.html", encoding: .utf8)
        #expect(home.contains("<p>The Small-Cap Desk</p>\n</footer>"))
    }
}
