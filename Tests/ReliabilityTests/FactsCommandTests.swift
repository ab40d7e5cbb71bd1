import Foundation
import Testing

/// `marketnote facts` reads the project as `build` does: its data, and its own wording.
@Suite struct FactsCommandTests {
    private func facts(_ sandbox: ProjectSandbox) throws -> MarketNoteCommand.Result {
        let binary = try #require(MarketNoteCommand.binary, "build the marketnote executable with the tests")
        return try RunningBuild(binary, arguments: ["facts", "--project", sandbox.project]).wait()
    }

    @Test func factsPrintTheStatementsInTheProjectsOwnWording() throws {
        let sandbox = try ProjectSandbox()
        let phrases = sandbox.project + "/templates/phrases.yml"
        // Both shipped wordings of a record run (they rotate by date) become the project's own.
        let own = [("{{symbol}} set an intraday record high for {{#atLeast}}at least {{/atLeast}}the {{ordinal}} straight session",
                    "{{symbol}} notched a {{ordinal}} straight intraday record"),
                   ("{{symbol}} has now set a record intraday high in each of the last {{length}} sessions; today's peak was",
                    "{{symbol}} notched a {{ordinal}} straight intraday record, topping out at")]
        var text = try String(contentsOfFile: phrases, encoding: .utf8)
        for (shipped, replacement) in own {
            #expect(text.contains(shipped))
            text = text.replacingOccurrences(of: shipped, with: replacement)
        }
        try text.write(toFile: phrases, atomically: true, encoding: .utf8)
        let result = try facts(sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2026-01-15: "))
        #expect(result.stdout.contains("IWM notched a 10th straight intraday record, topping out at 264.52"), "\(result.stdout)")
    }

    /// A quote left out of a note was invisible to the editor: `facts` lists the quotes of the
    /// day's window and says which the note carries.
    @Test func factsListTheQuotesOfTheWindowAndWhichTheNoteCarries() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.replace("content/quotes/2026-01-14-reyes.md", "topics: [small caps, megacaps, records]", with: "topics: [crypto]"))
        let result = try facts(sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nquote: Dana Okafor, Harborline Research, 2026-01-12 [small caps, earnings, guidance]\n"))
        #expect(result.stdout.hasSuffix("\nquote not carried: Marisol Reyes, Cobalt Street Advisors, 2026-01-14 [crypto]\n"), "\(result.stdout)")
    }

    /// A code review: `facts --json` printed the facts in a layout of its own (sorted keys), so an
    /// auditor comparing it with a published facts.json compared two files; it prints the same.
    @Test func factsAsJSONAreWhatTheNotesFactsFileHolds() throws {
        let sandbox = try ProjectSandbox()
        let binary = try #require(MarketNoteCommand.binary, "build the marketnote executable with the tests")
        let result = try RunningBuild(binary, arguments: ["facts", "--json", "--project", sandbox.project]).wait()
        #expect(result.status == 0, "\(result.stderr)")
        try PublishedSite.copySample(to: sandbox.output)
        let published = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sandbox.output + "/notes/2026-01-15/facts.json")))
        let facts = try #require((published as? [String: Any])?["facts"])
        let printed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        #expect(NSDictionary(dictionary: try #require(printed as? [String: Any])).isEqual(to: try #require(facts as? [String: Any])))
        // The same bytes, too, indented as facts.json indents its "facts" member.
        let text = try String(contentsOfFile: sandbox.output + "/notes/2026-01-15/facts.json", encoding: .utf8)
        let indented = result.stdout.dropLast().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        #expect(text.contains("\n  \"facts\": " + indented + ",\n"))
    }

    @Test func aBrokenTemplateStopsFactsAtItsPositionWithoutClaimingToHavePublished() throws {
        let sandbox = try ProjectSandbox()
        let note = sandbox.project + "/templates/note.md"
        try (try String(contentsOfFile: note, encoding: .utf8) + "{{#unclosed}}\n").write(toFile: note, atomically: true, encoding: .utf8)
        let result = try facts(sandbox)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("templates/note.md:"))
        #expect(result.stderr.hasSuffix("\n1 error\n"), "\(result.stderr)")
    }
}
