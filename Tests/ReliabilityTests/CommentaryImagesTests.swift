import Foundation
import MarketData
import Publishing
import Testing

/// An image in the commentary written `![](chart.png)` reached the page as `alt=""` (skipped by a
/// screen reader) and the email as a link named "image", without a word.
@Suite struct CommentaryImagesTests {
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
        #expect(CommentaryImages.warnings(in: "![A chart](https://a.example/a.png) !important [](x) ![x](/images/y.png) ![z](<https://b.example/z.png>)",
                                          path: "n.md").isEmpty)
    }

    /// `![Year-end chart](chart.png)` showed no picture on the page (it looked in the note's
    /// folder) nor in the email (it linked the base URL): a relative image address that names no
    /// file of `static/` is named, with where to put the picture.
    @Test func anImageAtARelativeAddressOutsideTheStaticFolderIsNamedWithWhereToPutIt() {
        let text = "Text.\n\nSee ![Year-end chart](chart.png \"title\") and ![](images/b.png), ![Ok](images/a.png).\n"
        let warnings = CommentaryImages.warnings(in: text, path: "n.md", staticFiles: StaticFiles(folder: "/nowhere", paths: ["images/a.png"]))
        #expect(warnings.map(\.location.description) == ["n.md:3:5", "n.md:3:46", "n.md:3:46"])
        #expect(warnings[0].message == "the image 'chart.png' has a relative address, and there is no static/chart.png to publish there: "
                + "neither the page nor the email would show it")
        #expect(warnings[0].hint == "put the picture at static/chart.png (every file of static/ is published at the same path below the "
                + "site's root), or link it by its full address (https://…)")
        #expect(warnings[1].hint == "say what it shows between the brackets: ![What the chart shows](images/b.png)")
    }
}
