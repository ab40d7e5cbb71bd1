import Foundation
import MarketData
import Publishing
import Testing

/// A picture for the commentary had nowhere to go: marketnote copied no files, so an image at a
/// relative address showed on neither the page nor the email. The project's `static/` folder is
/// published as it is, and notes link its files by their path below the site's root.
@Suite struct StaticFilesTests {
    static let picture = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>"

    func build(_ sandbox: ProjectSandbox) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
    }

    func text(_ sandbox: ProjectSandbox, _ path: String) throws -> String {
        try String(contentsOfFile: sandbox.output + "/" + path, encoding: .utf8)
    }

    @Test func everyFileOfTheStaticFolderIsPublishedAtItsPathButHiddenOnes() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("static/images/breadth.svg", Self.picture))
        try sandbox.apply(.write("static/assets/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]))
        try sandbox.apply(.write("static/.DS_Store", "finder"))
        try sandbox.apply(.write("static/.drafts/next.svg", Self.picture))
        _ = try build(sandbox)
        #expect(try text(sandbox, "images/breadth.svg") == Self.picture)
        #expect(FileManager.default.contents(atPath: sandbox.output + "/assets/logo.png") == Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]))
        #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/.DS_Store"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/.drafts"))
    }

    @Test func aStaticFileIsNotRewrittenUnchangedAndLeavesTheSiteWhenRemoved() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("static/images/breadth.svg", Self.picture))
        try sandbox.apply(.write("static/report.pdf", "%PDF"))
        let first = try build(sandbox)
        let second = try build(sandbox)
        #expect(second.filesWritten == 0 && second.filesUnchanged == first.filesWritten)
        try sandbox.apply(.remove("static/report.pdf"))
        let third = try build(sandbox)
        #expect(third.line.hasSuffix(": 0 files written, \(first.filesWritten - 1) unchanged, 1 removed"))
        #expect(!second.line.contains("removed"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.output + "/report.pdf"))
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/images/breadth.svg"))
    }

    /// The note's page is two folders down, the home page at the root, the email has only the base
    /// URL: every edition reads a relative address from the site's root. A page's markup does not
    /// depend on the file being there, so a picture added after its warning needs no rebuild.
    @Test func everyEditionReadsARelativeAddressFromTheSiteRoot() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("static/images/breadth.svg", Self.picture))
        try sandbox.apply(.write("static/full report.pdf", "%PDF"))
        try sandbox.apply(.edit("content/notes/2026-01-15.md") { text in
            text + "\n\n![Guidance raisers by size](images/breadth.svg) and [the report](<./full report.pdf>); "
                + "[not yet](images/later.svg), [the archive](archive/index.html), ![By reference][chart], [the site](/images/breadth.svg).\n"
                + "\n[chart]: images/breadth.svg\n\nCode `[x](images/code.svg)`.\n\n> [In a quote][qd]\n>\n> [qd]: images/breadth.svg\n"
        })
        _ = try build(sandbox)
        let page = try text(sandbox, "notes/2026-01-15/index.html")
        #expect(page.contains("<img src=\"../../images/breadth.svg\" alt=\"Guidance raisers by size\" />"))
        #expect(page.contains("<a href=\"../../full%20report.pdf\">the report</a>"))
        #expect(page.contains("<a href=\"../../images/later.svg\">not yet</a>"))
        #expect(page.contains("<a href=\"../../archive/index.html\">the archive</a>"))
        #expect(page.contains("<img src=\"../../images/breadth.svg\" alt=\"By reference\" />"))
        #expect(page.contains("<a href=\"/images/breadth.svg\">the site</a>"))
        #expect(page.contains("<code>[x](images/code.svg)</code>"))
        #expect(page.contains("<a href=\"../../images/breadth.svg\">In a quote</a>"))
        let home = try text(sandbox, "index.html")
        #expect(home.contains("<img src=\"images/breadth.svg\" alt=\"Guidance raisers by size\" />"))
        #expect(home.contains("<a href=\"archive/index.html\">the archive</a>"))
        let email = try text(sandbox, "email/2026-01-15.md")
        #expect(email.contains("(https://smallcapdesk.example.com/images/breadth.svg)"))
        #expect(email.contains("(https://smallcapdesk.example.com/full%20report.pdf)"))
        #expect(email.contains("(https://smallcapdesk.example.com/archive/index.html)"))
    }

    @Test func aStaticFileWhereTheSiteWritesItsOwnIsAnErrorAndNothingIsPublished() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("static/feed.xml", "<rss/>"))
        try sandbox.apply(.write("static/notes/2026-01-15/extra.txt", "x"))
        try sandbox.apply(.write("static/images/fine.svg", Self.picture))
        try sandbox.apply(.edit("content/notes/2026-01-15.md") { $0 + "\n\n![Missing](images/missing.svg)\n" })
        #expect {
            try build(sandbox)
        } throws: { error in
            // The commentary's warning comes with the errors, not only once they are fixed.
            let diagnostics = (error as? DiagnosticReport)?.diagnostics ?? []
            return diagnostics.map { "\($0.location): \($0.severity.rawValue) \($0.message.prefix(44))" } == [
                "static/feed.xml:1:1: error marketnote writes 'feed.xml' itself",
                "static/notes/2026-01-15/extra.txt:1:1: error marketnote writes the folder 'notes/' itself",
                "content/notes/2026-01-15.md:14:1: warning the image 'images/missing.svg' has a relativ",
            ]
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.output))
    }

    @Test func anImageOfTheStaticFolderIsNotNamedAsMissing() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.write("static/images/breadth.svg", Self.picture))
        try sandbox.apply(.edit("content/notes/2026-01-15.md") { text in
            text + "\n\n![Guidance raisers](images/breadth.svg) ![Missing](images/missing.svg)\n"
        })
        let summary = try build(sandbox)
        #expect(summary.warnings.map(\.message) == [
            "the image 'images/missing.svg' has a relative address, and there is no static/images/missing.svg to publish there: "
                + "neither the page nor the email would show it",
        ])
    }
}
