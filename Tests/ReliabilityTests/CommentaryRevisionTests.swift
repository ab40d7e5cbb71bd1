import Foundation
import MarketData
import Publishing
import Testing

/// An editor who fixes a typo in a published note's commentary and runs `marketnote build` sees
/// the fix published: the note is written again, with its email edition, and the build says so.
/// Before, the typo stayed on the page and in the email, and nothing said why.
@Suite struct CommentaryRevisionTests {
    private func build(_ sandbox: ProjectSandbox, _ dates: DateSelection = .latest) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: dates)).run()
    }

    private func page(_ sandbox: ProjectSandbox, _ date: String) throws -> String {
        try String(contentsOfFile: sandbox.output + "/notes/\(date)/index.html", encoding: .utf8)
    }

    @Test func aNoteWhoseCommentaryWasEditedIsWrittenAgainOnce() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        try sandbox.apply(.replace("content/notes/2026-01-15.md", "Two things stand out", with: "Three things stand out"))
        let summary = try build(sandbox, .single(SessionDate("2026-01-14")!))
        #expect(summary.revised == [SessionDate("2026-01-15")!])
        #expect(try page(sandbox, "2026-01-15").contains("Three things stand out"))
        let email = try String(contentsOfFile: sandbox.output + "/email/2026-01-15.md", encoding: .utf8)
        #expect(email.contains("Three things stand out"))
        #expect(try build(sandbox).revised.isEmpty)
    }

    @Test func commentaryAddedToOrRemovedFromAPublishedNoteIsPublished() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        try sandbox.apply(.write("content/notes/2026-01-13.md", "---\ntitle: A word on Tuesday\n---\nBreadth held up today.\n"))
        #expect(try build(sandbox).revised == [SessionDate("2026-01-13")!])
        #expect(try page(sandbox, "2026-01-13").contains("Breadth held up today."))
        try sandbox.apply(.remove("content/notes/2026-01-13.md"))
        #expect(try build(sandbox).revised == [SessionDate("2026-01-13")!])
        #expect(try !page(sandbox, "2026-01-13").contains("Breadth held up today."))
    }

    /// A backfill writes every note anyway, and says nothing more.
    @Test func aBackfillReportsNoRevision() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        try sandbox.apply(.edit("content/notes/2026-01-15.md") { $0 + "\nOne more line.\n" })
        #expect(try build(sandbox, .all).revised.isEmpty)
    }
}
