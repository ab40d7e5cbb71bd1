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
        let shipped = "{{symbol}} set an intraday record high for the {{ordinal}} straight session"
        let text = try String(contentsOfFile: phrases, encoding: .utf8)
        #expect(text.contains(shipped))
        try text.replacingOccurrences(of: shipped, with: "{{symbol}} notched a {{ordinal}} straight intraday record")
            .write(toFile: phrases, atomically: true, encoding: .utf8)
        let result = try facts(sandbox)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2026-01-15: "))
        #expect(result.stdout.contains("IWM notched a 10th straight intraday record, topping out at 264.52"), "\(result.stdout)")
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
