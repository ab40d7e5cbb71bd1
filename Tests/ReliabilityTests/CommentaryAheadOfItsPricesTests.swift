import Foundation
import MarketData
import Publishing
import Testing

/// Commentary written before the day's prices were dropped in waits for its session: the newest
/// note is built, and the build says the commentary has no prices yet (it stopped the build).
@Suite struct CommentaryAheadOfItsPricesTests {
    @Test func commentaryAfterTheDataWaitsAndTheNewestNoteIsBuilt() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("content/notes/2026-01-16.md", "Tomorrow's view.\n"))
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.last == SessionDate("2026-01-15"))
        #expect(summary.warnings.map(\.location.description) == ["content/notes/2026-01-16.md:1:1"])
        #expect(summary.warnings.first?.message
            == "there are no prices for 2026-01-16 yet (the data ends on 2026-01-15); the commentary waits for its note")
        try LateSeriesTests.appendToSPY(sandbox, sessions: 1)
        try sandbox.apply(.edit("content/data/IWM.csv") { $0 + "2026-01-16,263.00,265.00,262.00,264.00,264.00,30000000\n" })
        try sandbox.apply(.edit("content/data/MAGS.csv") { $0 + "2026-01-16,64.00,65.00,63.50,64.50,64.50,1000000\n" })
        let next = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(next.last == SessionDate("2026-01-16") && next.warnings.isEmpty, "\(next.warnings)")
        let page = try String(contentsOfFile: sandbox.output + "/notes/2026-01-16/index.html", encoding: .utf8)
        #expect(page.contains("Tomorrow’s view.") || page.contains("Tomorrow's view."))
    }

    /// `build --strict && send` failed every day an editor had written ahead: content waiting for
    /// its prices is a note, which `--strict` lets pass, not a doubt about the data.
    @Test func contentWrittenAheadIsANoteThatStrictLetsPass() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("content/notes/2026-01-16.md", "Tomorrow's view.\n"))
        try sandbox.apply(.write("content/quotes/tomorrow.md", "---\nby: Ada Quill\ndate: 2026-01-16\ntopics: [small caps]\n---\nMore to come.\n"))
        let strict = BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, strict: true)
        let summary = try BuildPipeline(options: strict).run()
        #expect(summary.last == SessionDate("2026-01-15"))
        #expect(summary.warnings.map(\.severity) == [.note, .note], "\(summary.warnings)")
        #expect(summary.warnings.first?.description.hasPrefix("content/notes/2026-01-16.md:1:1: note: there are no prices") == true)
    }

    /// A quote dated after the data was held back without a word, where commentary is told.
    @Test func aQuoteAfterTheDataWaitsAndIsTold() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("content/quotes/tomorrow.md", "---\nby: Ada Quill\nfirm: Quill Research\ndate: 2026-01-16\ntopics: [small caps]\n---\nSmall caps have further to run.\n"))
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.warnings.map(\.description) == [
            "content/quotes/tomorrow.md:1:1: note: the quote is dated 2026-01-16, after the data (it ends on 2026-01-15); "
                + "it waits for the notes of its days\n    hint: add the prices of 2026-01-16 to the data files and build again",
        ])
    }

    /// An input review: a quote of Saturday, January 17 was told to wait for "the prices of
    /// 2026-01-17", a day without a session; it shows from the note of Tuesday, January 20 (Monday
    /// is Martin Luther King Jr. Day).
    @Test func aQuoteOfADayWithoutASessionWaitsForTheNextSessionsPrices() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("content/quotes/weekend.md", "---\nby: Ada Quill\ndate: 2026-01-17\ntopics: [small caps]\n---\nSmall caps have further to run.\n"))
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.warnings.map(\.hint) == ["add the prices of 2026-01-20 to the data files and build again"])
    }
}

/// An independent analyst could not be quoted: `firm:` was required, and the build failed.
@Suite struct IndependentAnalystQuoteTests {
    @Test func aQuoteWithoutAFirmIsAttributedToItsAuthorAlone() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("content/quotes/independent.md", "---\nby: Ada Quill\ndate: 2026-01-15\ntopics: [small caps]\n---\nSmall caps have further to run.\n"))
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.warnings.isEmpty, "\(summary.warnings)")
        let email = try String(contentsOfFile: sandbox.output + "/email/2026-01-15.md", encoding: .utf8)
        #expect(email.contains("> — Ada Quill, January 15, 2026\n"), "\(email)")
        #expect(email.contains("> — Marisol Reyes, Cobalt Street Advisors, January 14, 2026\n"))
    }
}
