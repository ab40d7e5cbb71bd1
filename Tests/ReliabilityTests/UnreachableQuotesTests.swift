import Foundation
import MarketData
import Publishing
import Testing

/// A quote tagged with topics no statement carries ("smal caps", "tech" for "technology") was
/// never shown and nothing said why: the build names it, with the closest topic there is.
@Suite struct UnreachableQuotesTests {
    private func build(_ sandbox: ProjectSandbox) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
    }

    @Test func aQuoteWhoseTopicsNoStatementCarriesIsNamed() throws {
        let sandbox = try ProjectSandbox()
        #expect(try build(sandbox).warnings.isEmpty)
        try sandbox.apply(.replace("content/quotes/2026-01-14-reyes.md", "topics: [small caps, megacaps, records]",
                                   with: "topics: [smal caps, tech]"))
        let warnings = try build(sandbox).warnings
        #expect(warnings.map(\.location.path) == ["content/quotes/2026-01-14-reyes.md"])
        #expect(warnings.first?.message
            == "no statement carries the quote's topics ('smal caps', 'tech'), so no note will show it")
        #expect(warnings.first?.hint == "did you mean 'small caps'?")
    }

    /// Topics are matched as the selector matches them: case, spaces and punctuation aside;
    /// one known topic among unknown ones is enough.
    @Test func aQuoteWithOneTopicAStatementCarriesIsNotNamed() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.replace("content/quotes/2026-01-14-reyes.md", "topics: [small caps, megacaps, records]",
                                   with: "topics: [Small-Caps, crypto]"))
        #expect(try build(sandbox).warnings.isEmpty)
    }
}
