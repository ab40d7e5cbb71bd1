import Foundation
import MarketData
@testable import Publishing
import Testing

/// Published notes written again: an editor who fixes a typo in a published note's commentary and runs `marketnote build` sees
/// the fix published: the note is written again, with its email edition, and the build says so.
/// Before, the typo stayed on the page and in the email, and nothing said why.
@Suite struct PublishedNotesRewriteTests {
    private func build(_ sandbox: ProjectSandbox, _ dates: DateSelection = .latest) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: dates)).run()
    }

    private func page(_ sandbox: ProjectSandbox, _ date: String) throws -> String {
        try String(contentsOfFile: sandbox.output + "/notes/\(date)/index.html", encoding: .utf8)
    }

    /// Changes the fields (`Date,Open,High,Low,Close,Adj Close,Volume`) of one row of a price file.
    private func editRow(_ sandbox: ProjectSandbox, _ symbol: String, _ date: String,
                         _ change: @escaping @Sendable (inout [String]) -> Void) throws {
        try sandbox.apply(.edit("content/data/\(symbol).csv") { text in
            let row = text.split(separator: "\n").first { $0.hasPrefix(date + ",") }!
            var fields = row.split(separator: ",").map(String.init)
            change(&fields)
            return text.replacingOccurrences(of: String(row), with: fields.joined(separator: ","))
        })
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

    /// After a template change, `--published` writes the notes the site has, and no other: `--all`
    /// is every session since the data began (17,351 notes for an S&P 500 file from 1950).
    @Test func publishedWritesTheSitesNotesAgainAndNoOther() throws {
        let sandbox = try ProjectSandbox()
        #expect(throws: DiagnosticReport.self) { try build(sandbox, .published) }
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        _ = try build(sandbox, .single(SessionDate("2025-12-31")!))
        try sandbox.apply(.replace("templates/note.md", "{{> partials/body.md}}", with: "{{> partials/body.md}}\nRevised layout.\n"))
        let summary = try build(sandbox, .published)
        #expect(summary.notes == 4 && summary.first == SessionDate("2025-12-31") && summary.last == SessionDate("2026-01-15"))
        #expect(try page(sandbox, "2025-12-31").contains("Revised layout."))
        #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-02"))
    }

    /// The summary names up to three rewritten notes and counts more: a site built before the
    /// commentary digest rewrites every note with commentary once, which could be hundreds.
    @Test func theSummaryNamesAFewRewrittenNotesAndCountsMany() throws {
        let dates = ["2026-01-09", "2026-01-12", "2026-01-13", "2026-01-14"].map { SessionDate($0)! }
        var summary = BuildSummary(notes: 1, first: SessionDate("2026-01-15"), last: SessionDate("2026-01-15"), revised: [dates[3]],
                                   filesWritten: 13, filesUnchanged: 0, outputPath: "output", startedFromSpare: false)
        #expect(summary.line == "wrote 1 note (2026-01-15) and rewrote 2026-01-14 for its edited commentary to output: 13 files written, 0 unchanged")
        summary.revised = dates
        #expect(summary.line == "wrote 1 note (2026-01-15) and rewrote 4 notes (2026-01-09 to 2026-01-14) for their edited commentary "
            + "to output: 13 files written, 0 unchanged")
        summary.revised = [dates[3]]
        summary.restyled = Array(dates[0...1])
        #expect(summary.line == "wrote 1 note (2026-01-15) and rewrote 2026-01-14 for its edited commentary and 2 notes (2026-01-09 to "
            + "2026-01-12) for changed templates or configuration to output: 13 files written, 0 unchanged")
        summary.restyled = []
        summary.repriced = Array(dates[0...2])
        #expect(summary.line == "wrote 1 note (2026-01-15) and rewrote 2026-01-14 for its edited commentary and 3 notes (2026-01-09 to "
            + "2026-01-13) for corrected prices to output: 13 files written, 0 unchanged")
        summary.revised = []
        summary.repriced = [dates[0]]
        summary.requoted = Array(dates[2...3])
        #expect(summary.line == "wrote 1 note (2026-01-15) and rewrote 2026-01-09 for corrected prices and 2 notes (2026-01-13 to "
            + "2026-01-14) for edited quotes to output: 13 files written, 0 unchanged")
        summary.repriced = []
        summary.requoted = []
        #expect(summary.line == "wrote 1 note (2026-01-15) to output: 13 files written, 0 unchanged")
        // "1 files written" (a rebuild that changed one file).
        summary.filesWritten = 1
        #expect(summary.line == "wrote 1 note (2026-01-15) to output: 1 file written, 0 unchanged")
    }

    /// A phrase or layout changed after some notes were published showed on the day's note only:
    /// the site mixed two wordings, and a new base URL left the old one in every earlier page's
    /// canonical address, until `--published`. Every published note is now written again, once.
    @Test func aTemplateOrConfigurationChangeRewritesEveryPublishedNoteOnce() throws {
        let sandbox = try ProjectSandbox()
        let earlier = ["2026-01-12", "2026-01-13", "2026-01-14"].map { SessionDate($0)! }
        _ = try build(sandbox, .range(from: earlier[0], to: earlier[2]))
        try sandbox.apply(.replace("templates/note.md", "{{> partials/body.md}}", with: "{{> partials/body.md}}\nRevised layout.\n"))
        let summary = try build(sandbox)
        #expect(summary.restyled == earlier)
        #expect(summary.line.hasPrefix("wrote 1 note (2026-01-15) and rewrote 3 notes (2026-01-12 to 2026-01-14) for changed templates or configuration to "))
        #expect(try page(sandbox, "2026-01-12").contains("Revised layout."))
        #expect(try build(sandbox).restyled.isEmpty)
        try sandbox.apply(.replace("marketnote.yml", "baseURL: https://smallcapdesk.example.com/", with: "baseURL: https://desk.example.org/"))
        #expect(try build(sandbox).restyled == earlier)
        #expect(try page(sandbox, "2026-01-12").contains("https://desk.example.org/notes/2026-01-12/"))
        // The stylesheet is linked, not held: a change to it rewrites no note.
        try sandbox.apply(.write("templates/style.css", "body { color: #222; }\n"))
        #expect(try build(sandbox).restyled.isEmpty)
    }

    /// A review: a comment added to `marketnote.yml`, or a backup copy left in `templates/`,
    /// rewrote every published note with the same bytes, and the summary said "for changed
    /// templates or configuration". What the configuration says and the templates in use count.
    @Test func aCommentInTheConfigurationOrAnUnusedTemplateFileRewritesNoNote() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        try sandbox.apply(.edit("marketnote.yml") {
            "# Edited on Friday.\n\n" + $0.replacingOccurrences(of: "language: en\n", with: "language: en    # two letters\n\n")
                .replacingOccurrences(of: "  - leader: IWM\n    benchmark: SPY", with: "  -   leader: IWM\n      benchmark: SPY")
        })
        try sandbox.apply(.write("templates/note.md.bak", "An old layout.\n"))
        let summary = try build(sandbox)
        #expect(summary.restyled.isEmpty)
        #expect(summary.filesWritten == 0)
        try sandbox.apply(.replace("marketnote.yml", "baseURL: https://smallcapdesk.example.com/", with: "baseURL: https://desk.example.org/"))
        #expect(try build(sandbox).restyled == ["2026-01-13", "2026-01-14"].map { SessionDate($0)! })
    }

    /// A helper's review: after a phrase edit, `build --date … --email-all` wrote editions for all
    /// 522 notes the change rewrote. `--email-all` is for the notes asked for.
    @Test func emailForEveryNoteMeansTheNotesAskedForNotTheOnesRewrittenWithThem() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-12"), to: SessionDate("2026-01-14")))
        try sandbox.apply(.replace("templates/note.md", "{{> partials/body.md}}", with: "{{> partials/body.md}}\nRevised layout.\n"))
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output,
                                                              dates: .single(SessionDate("2026-01-15")!), emailForEveryNote: true)).run()
        #expect(summary.restyled.count == 3)
        let editions = try FileManager.default.contentsOfDirectory(atPath: sandbox.output + "/email").filter { $0.hasSuffix(".md") }.sorted()
        #expect(editions == ["2026-01-14.md", "2026-01-15.md"])
    }

    /// A site written by a version that did not record the templates' fingerprint is written again once.
    @Test func aSiteWithoutTheFingerprintIsWrittenAgainOnce() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        let list = sandbox.output + "/notes/index.json"
        var manifest = try #require(SiteManifest(flatJSON: Array(try Data(contentsOf: URL(fileURLWithPath: list)))))
        #expect(manifest.fingerprint != nil)
        manifest.fingerprint = nil
        try Data(manifest.encoded()).write(to: URL(fileURLWithPath: list))
        #expect(try build(sandbox).restyled == ["2026-01-13", "2026-01-14"].map { SessionDate($0)! })
        #expect(try build(sandbox).restyled.isEmpty)
    }

    /// A helper's review: a note of a holiday row, taken out of the price files as the warning
    /// advised, stayed on the site, the home page and the feed, even after `--all`.
    @Test func aNoteWhoseSessionLeftTheDataIsNamedAndABackfillLeavesItOut() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        for symbol in ["IWM", "SPY", "MAGS"] {
            try sandbox.apply(.edit("content/data/\(symbol).csv") { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("2026-01-15") }.joined(separator: "\n")
            })
        }
        try sandbox.apply(.remove("content/notes/2026-01-15.md"))
        let daily = try build(sandbox)
        #expect(daily.warnings.map(\.message) == ["the site has a note for 2026-01-15, which is no longer a session in the data; it stays as it was"])
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-15/index.html"))
        let backfill = try build(sandbox, .all)
        #expect(backfill.warnings.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-15"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/email/2026-01-15.md"))
        let home = try String(contentsOfFile: sandbox.output + "/index.html", encoding: .utf8)
        #expect(!home.contains("2026-01-15"))
    }

    /// An editor or a vendor corrects a published session's prices: a daily build used to write the
    /// new note alone, and the site kept every earlier note's figures from the old row, for good.
    /// Every published note from the corrected row's month on is now written again, once, and the
    /// site is the one a build from an empty folder publishes.
    @Test func aCorrectedPriceRewritesThePublishedNotesFromItsMonthOn() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2025-11-24"), to: SessionDate("2026-01-14")))
        // A close a cent higher, 245.89, still under the session's high of 247.60.
        try editRow(sandbox, "IWM", "2025-12-10") { $0[4] = "\(Double($0[4])! + 0.01)" }
        let summary = try build(sandbox)
        let published = try SiteManifest.read(fromSite: sandbox.output).notes.map(\.date)
        #expect(summary.repriced == published.filter { $0 >= SessionDate("2025-12-01")! && $0 < SessionDate("2026-01-15")! })
        #expect(summary.line.contains("and rewrote 31 notes (2025-12-01 to 2026-01-14) for corrected prices"), "\(summary.line)")
        #expect(try build(sandbox).repriced.isEmpty)

        let reference = sandbox.folder + "/reference"
        _ = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: reference,
                                                    dates: .range(from: SessionDate("2025-11-24"), to: nil))).run()
        let differences = try SiteSnapshot(of: sandbox.output).differences(from: SiteSnapshot(of: reference))
        // The first build's edition of 2026-01-14 stays; the reference writes the newest note's only.
        #expect(differences == ["email/2026-01-14.eml", "email/2026-01-14.html", "email/2026-01-14.md"])
    }

    /// A corrected row is checked as a new one is: a close with a digit typed twice, in a session a
    /// published note covers, is named at its row before the notes it moved are written again.
    @Test func aCorrectionThatMovesTheCloseImplausiblyIsNamedAtItsRow() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2025-12-15"), to: SessionDate("2026-01-14")))
        try editRow(sandbox, "IWM", "2025-12-17") { fields in
            for column in [2, 4, 5] { fields[column] = "\(Double(fields[column])! * 10)" }
        }
        let summary = try build(sandbox)
        #expect(summary.repriced.first == SessionDate("2025-12-15"))
        #expect(summary.warnings.contains { $0.message.contains("IWM closed at") && $0.message.contains("on 2025-12-17") },
                "\(summary.warnings.map(\.message))")
    }

    /// A quote whose typo an editor fixes stayed wrong on every published page that carried it,
    /// since only the day's note was written. Each published note whose window held the quote
    /// (its date to 14 days later) is now written again; so are those of a quote added or removed.
    @Test func anEditedAddedOrRemovedQuoteRewritesThePublishedNotesThatCouldCarryIt() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-05"), to: SessionDate("2026-01-14")))
        let quote = "content/quotes/2026-01-09-lindqvist.md"
        try sandbox.apply(.replace(quote, "A narrower trade gap flatters", with: "A narrower trade deficit flatters"))
        let edited = try build(sandbox)
        let window = ["2026-01-09", "2026-01-12", "2026-01-13", "2026-01-14"].map { SessionDate($0)! }
        #expect(edited.requoted == window)
        #expect(edited.line.contains("and rewrote 4 notes (2026-01-09 to 2026-01-14) for edited quotes"), "\(edited.line)")
        #expect(try page(sandbox, "2026-01-12").contains("A narrower trade deficit flatters"))
        #expect(try build(sandbox).requoted.isEmpty)

        let added = "content/quotes/2026-01-06-quill.md"
        try sandbox.apply(.write(added, "---\nby: Ada Quill\ndate: 2026-01-06\ntopics: [small caps]\n---\nBreadth is doing the work.\n"))
        let published = try SiteManifest.read(fromSite: sandbox.output).notes.map(\.date)
        let fromJanuary6 = published.filter { $0 >= SessionDate("2026-01-06")! && $0 < SessionDate("2026-01-15")! }
        #expect(try build(sandbox).requoted == fromJanuary6)
        try sandbox.apply(.remove(added))
        #expect(try build(sandbox).requoted == fromJanuary6)
    }

    /// A session's rows put back after the notes around it were published (a download that had
    /// dropped them) get the note a backfill would write, with its neighbours' links.
    @Test func aSessionPutBackIntoTheDataGetsItsNote() throws {
        let sandbox = try ProjectSandbox()
        let withoutIt: @Sendable (String) -> String = { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("2025-12-10,") }.joined(separator: "\n")
        }
        let original = try ["IWM", "SPY", "MAGS"].map { symbol in
            (symbol, try String(contentsOfFile: sandbox.project + "/content/data/\(symbol).csv", encoding: .utf8))
        }
        for (symbol, _) in original { try sandbox.apply(.edit("content/data/\(symbol).csv", withoutIt)) }
        _ = try build(sandbox, .range(from: SessionDate("2025-11-24"), to: SessionDate("2026-01-14")))
        for (symbol, text) in original { try sandbox.apply(.write("content/data/\(symbol).csv", text)) }
        let summary = try build(sandbox)
        #expect(summary.restored == [SessionDate("2025-12-10")!])
        #expect(summary.line.contains("and added 2025-12-10 (a session new to the data) to"), "\(summary.line)")
        let reference = sandbox.folder + "/reference"
        _ = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: reference,
                                                    dates: .range(from: SessionDate("2025-11-24"), to: nil))).run()
        let differences = try SiteSnapshot(of: sandbox.output).differences(from: SiteSnapshot(of: reference))
        #expect(differences.allSatisfy { $0.hasPrefix("email/2026-01-14.") }, "\(differences.prefix(5))")
    }

    /// Halving a month's prices changes only each number's exponent; the digest of the month must
    /// still change (a multiplication alone carried the difference to its top 12 bits, and this
    /// month's digest came out the same).
    @Test func aMonthOfPricesHalvedIsACorrection() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2017-09-01"), to: SessionDate("2017-12-29")))
        try sandbox.apply(.edit("content/data/IWM.csv") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { row in
                guard row.hasPrefix("2017-10-") else { return String(row) }
                var fields = row.split(separator: ",").map(String.init)
                for column in 1...4 { fields[column] = "\(Double(fields[column])! / 2)" }
                return fields.joined(separator: ",")
            }.joined(separator: "\n")
        })
        #expect(try build(sandbox, .single(SessionDate("2017-12-29")!)).repriced.first == SessionDate("2017-10-02"))
    }

    /// A move the editor has seen and kept is not reported again when another series is corrected:
    /// only the corrected series' rows are checked again, so `--strict` passes.
    @Test func aCorrectionChecksOnlyItsOwnSeriesAgain() throws {
        let sandbox = try ProjectSandbox()
        // MAGS more than doubles on 2025-11-05: a warning on the first build, which publishes anyway.
        try editRow(sandbox, "MAGS", "2025-11-05") { fields in
            for column in 1...5 { fields[column] = "\(Double(fields[column])! * 2.2)" }
        }
        let first = try build(sandbox, .range(from: SessionDate("2025-10-01"), to: SessionDate("2026-01-13")))
        #expect(first.warnings.contains { $0.message.contains("MAGS closed at") })
        try editRow(sandbox, "SPY", "2025-10-15") { $0[4] = "670.60" }
        let strict = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output,
                                                             dates: .single(SessionDate("2026-01-14")!), strict: true)).run()
        #expect(strict.repriced.first == SessionDate("2025-10-01"))
    }

    /// A quote's file name may hold spaces, and a `firm:` left out is not one left empty (the
    /// signature reads "— Erik Lindqvist, , January 9"): both are told as edits.
    @Test func quotesWithSpacesInTheirNameOrAnEmptyFirmAreFollowed() throws {
        let sandbox = try ProjectSandbox()
        let original = "content/quotes/2026-01-09-lindqvist.md", renamed = "content/quotes/lindqvist jan.md"
        let text = try String(contentsOfFile: sandbox.project + "/" + original, encoding: .utf8)
        try sandbox.apply(.remove(original))
        try sandbox.apply(.write(renamed, text.replacingOccurrences(of: "firm: Northfield Macro Partners\n", with: "")))
        _ = try build(sandbox, .range(from: SessionDate("2026-01-05"), to: SessionDate("2026-01-14")))
        let window = ["2026-01-09", "2026-01-12", "2026-01-13", "2026-01-14"].map { SessionDate($0)! }
        try sandbox.apply(.replace(renamed, "A narrower trade gap flatters", with: "A narrower trade deficit flatters"))
        #expect(try build(sandbox).requoted == window)
        try sandbox.apply(.replace(renamed, "by: Erik Lindqvist\n", with: "by: Erik Lindqvist\nfirm: \"\"\n"))
        #expect(try build(sandbox).requoted == window)
    }

    /// Rows after the newest note (the day's new prices), and the rows of a site that recorded
    /// no prices (a version before this one), rewrite nothing; the build records them for the next.
    @Test func newRowsAndASiteWithoutRecordedPricesRewriteNothing() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-05"), to: SessionDate("2026-01-13")))
        #expect(try build(sandbox, .single(SessionDate("2026-01-14")!)).repriced.isEmpty)
        let list = sandbox.output + "/notes/index.json"
        var manifest = try #require(SiteManifest(flatJSON: Array(try Data(contentsOf: URL(fileURLWithPath: list)))))
        #expect(manifest.prices?.series.map(\.symbol) == ["IWM", "SPY", "MAGS"])
        manifest.prices = nil
        try Data(manifest.encoded()).write(to: URL(fileURLWithPath: list))
        try sandbox.apply(.edit("content/data/SPY.csv") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("2026-01-07,") }.joined(separator: "\n")
        })
        #expect(try build(sandbox).repriced.isEmpty)
        // Recorded again: a row taken out since is a correction like any other.
        try sandbox.apply(.edit("content/data/SPY.csv") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("2026-01-08,") }.joined(separator: "\n")
        })
        let published = try SiteManifest.read(fromSite: sandbox.output).notes.map(\.date)
        #expect(try build(sandbox).repriced == published.filter { $0 != SessionDate("2026-01-15")! })
    }

    /// A backfill writes every note anyway, and says nothing more.
    @Test func aBackfillReportsNoRevision() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: nil))
        try sandbox.apply(.edit("content/notes/2026-01-15.md") { $0 + "\nOne more line.\n" })
        #expect(try build(sandbox, .all).revised.isEmpty)
    }
}
