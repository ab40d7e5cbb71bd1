import Foundation
import MarketData
import Publishing
import Testing

/// An image in the commentary written `![](chart.png)` reached the page as `alt=""` (skipped by a
/// screen reader) and the email as a link named "image", without a word; a relative address that
/// names nothing the site publishes led nowhere, also without a word.
@Suite struct CommentaryLinksTests {
    static let staticFiles = StaticFiles(folder: "/nowhere", paths: ["images/a.png", "docs/full report.pdf"])

    func warnings(_ text: String) -> [String] {
        CommentaryLinks.warnings(in: text, path: "n.md", staticFiles: Self.staticFiles).map { "\($0.location): \($0.message)" }
    }

    @Test func anImageWithNoDescriptionIsNamedAtItsPosition() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.edit("content/notes/2026-01-15.md") { text in
            text + "\n\nSee ![](https://example.com/a.png) and ![Breadth since January](https://example.com/b.png).\n"
                + "```\n![](not-an-image-in-code.png)\n```\n![ ](https://example.com/c.png)\n"
        })
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(summary.warnings.map(\.location) == [SourceLocation(path: "content/notes/2026-01-15.md", line: 14, column: 5),
                                                     SourceLocation(path: "content/notes/2026-01-15.md", line: 18, column: 1)])
        #expect(summary.warnings.first?.message.hasPrefix("this image has no description") == true)
    }

    @Test func describedImagesAndTextThatLooksLikeOneAreNotNamed() {
        #expect(warnings("![A chart](https://a.example/a.png) !important [](#x) ![x](/images/y.png) ![z](<https://b.example/z.png>)").isEmpty)
    }

    /// `![Year-end chart](chart.png)` showed no picture on the page (it looked in the note's
    /// folder) nor in the email (it linked the base URL): a relative image address that names no
    /// file of `static/` is named, with where to put the picture.
    @Test func anImageAtARelativeAddressOutsideTheStaticFolderIsNamedWithWhereToPutIt() {
        let text = "Text.\n\nSee ![Year-end chart](chart.png \"title\") and ![](images/b.png), ![Ok](images/a.png).\n"
        let warnings = CommentaryLinks.warnings(in: text, path: "n.md", staticFiles: Self.staticFiles)
        #expect(warnings.map(\.location.description) == ["n.md:3:5", "n.md:3:46", "n.md:3:46"])
        #expect(warnings[0].message == "the image 'chart.png' has a relative address, and there is no static/chart.png to publish there: "
                + "neither the page nor the email would show it")
        #expect(warnings[0].hint == "put the picture at static/chart.png (every file of static/ is published at the same path below the "
                + "site's root), or link it by its full address (https://…)")
        #expect(warnings[1].hint == "say what it shows between the brackets: ![What the chart shows](images/b.png)")
    }

    /// A helper's review: a link to a removed PDF, a reference-style image and an image whose
    /// description ran over two lines were all dead without a word.
    @Test func linksDefinitionsAndImagesOverTwoLinesAreCheckedToo() {
        #expect(warnings("[The report](<docs/full report.pdf>), [the old one](docs/old.pdf).\n\n![Ref][r] and ![Split\ndescription](\nimages/z.png)\n\n[r]: images/a.png\n[s]: images/s.png") == [
            "n.md:1:39: the link 'docs/old.pdf' has a relative address, and there is no static/docs/old.pdf to publish there: the link would lead nowhere",
            "n.md:3:15: the image 'images/z.png' has a relative address, and there is no static/images/z.png to publish there: "
                + "neither the page nor the email would show it",
            "n.md:8:1: the link definition [s] 'images/s.png' has a relative address, and there is no static/images/s.png to publish there: "
                + "the link would lead nowhere",
        ])
    }

    @Test func linksToTheSitesOwnPagesArriveAndNeedNoStaticFile() {
        #expect(warnings("[Archive](archive/index.html), [yesterday](notes/2026-01-14/), [feed](feed.xml), [home](index.html), "
                + "[a month](archive/2026/01/), [mail](mailto:desk@example.com), [top](#top)").isEmpty)
    }

    @Test func anAddressAboveTheSiteRootOrFromTheServerRootIsNamed() {
        #expect(warnings("[About](../about/) ![Chart](/images/a.png) [Elsewhere](/about/)") == [
            "n.md:1:1: the link '../about/' climbs above the site's root, where marketnote publishes nothing: the link would lead nowhere",
            "n.md:1:20: the image '/images/a.png' starts at the server's root: opened from disk, or published below a sub-path, "
                + "it misses the site's images/a.png",
        ])
    }
}
