import Foundation
import MarketData
import Publishing
import Testing

/// An image in the commentary written `![](chart.png)` reached the page as `alt=""` (skipped by a
/// screen reader) and the email as a link named "image", without a word.
@Suite struct UndescribedImagesTests {
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
        #expect(UndescribedImages.warnings(in: "![A chart](a.png) !important [](x) ![x](y)", path: "n.md").isEmpty)
    }
}
