import Foundation
import MarketData
@testable import Publishing
import Testing

/// An image in the commentary written `![](chart.png)` reached the page as `alt=""` (skipped by a
/// screen reader) and the email as a link named "image", without a word; a relative address that
/// names nothing the site publishes led nowhere, also without a word.
@Suite struct CommentaryLinksTests {
    static let site = SiteAddresses(staticFiles: StaticFiles(folder: "/nowhere", paths: ["images/a.png", "docs/full report.pdf", "docs/q#4.pdf"]),
                                    isNoteDate: { $0 == SessionDate("2026-01-14")! })

    /// The warnings for `text` as a file's body starting on line 1, as "line:column: message".
    func warnings(_ text: String) -> [String] {
        ContentLinks.warnings(in: text, startingAt: SourceLocation(path: "n.md"), site: Self.site).map { "\($0.location): \($0.message)" }
    }

    /// A build's warnings after `change` to the sample project, as "location: message" up to its
    /// "relative" (enough to tell which warning it is).
    func buildWarnings(after change: FileChange) throws -> [String] {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(change)
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        return summary.warnings.map { warning in
            "\(warning.location): " + (warning.message.range(of: "relative").map { String(warning.message[..<$0.upperBound]) } ?? warning.message)
        }
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
        let warnings = ContentLinks.warnings(in: text, startingAt: SourceLocation(path: "n.md"), site: Self.site)
        #expect(warnings.map(\.location.description) == ["n.md:3:5", "n.md:3:46", "n.md:3:46"])
        #expect(warnings[0].message == "the image 'chart.png' has a relative address, and there is no static/chart.png to publish there: "
                + "neither the page nor the email would show it")
        #expect(warnings[0].hint == "put the picture at static/chart.png (every file of static/ is published at the same path below the "
                + "site's root), or link it by its full address (https://…)")
        #expect(warnings[1].hint == "say what it shows between the brackets: ![What the chart shows](images/b.png)")
    }

    /// Two helpers' reviews: a link to a removed PDF, a reference-style image and an image whose
    /// description ran over two lines were all dead without a word.
    @Test func linksReferencesAndImagesOverTwoLinesAreCheckedWhereTheyAreUsed() {
        #expect(warnings("[The report](<docs/full report.pdf>), [the old one](docs/old.pdf).\n\n![Ref][r] and ![Split\ndescription](\nimages/z.png)\n\n"
                         + "[r]: images/s.png\n[unused]: images/u.png") == [
            "n.md:1:39: the link 'docs/old.pdf' has a relative address, and there is no static/docs/old.pdf to publish there: the link would lead nowhere",
            "n.md:3:1: the image 'images/s.png' has a relative address, and there is no static/images/s.png to publish there: "
                + "neither the page nor the email would show it",
            "n.md:3:15: the image 'images/z.png' has a relative address, and there is no static/images/z.png to publish there: "
                + "neither the page nor the email would show it",
        ])
    }

    /// The second review: code spans, indented code and escaped brackets were warned about as links.
    @Test func codeAndEscapedBracketsAreNotLinks() {
        #expect(warnings("Code `[x](nope/a.pdf)` and \\[y](nope/b.pdf).\n\n    [z](nope/c.pdf)\n").isEmpty)
    }

    @Test func linksToTheSitesOwnPagesArriveAndNeedNoStaticFile() {
        #expect(warnings("[Archive](archive/index.html), [yesterday](notes/2026-01-14/), [its facts](notes/2026-01-14/facts.json), "
                         + "[feed](feed.xml), [home](index.html), [a month](archive/2026/01/), [mail](mailto:desk@example.com), [top](#top), "
                         + "[again](images/../images/a.png)").isEmpty)
    }

    @Test func aNotePageOfADateWithoutPricesIsNamed() {
        #expect(warnings("[Saturday](notes/2026-01-17/) [typo](notes/2026-01-14.html)") == [
            "n.md:1:1: the link 'notes/2026-01-17/' names a page marketnote does not write: the link would lead nowhere",
            "n.md:1:31: the link 'notes/2026-01-14.html' names a page marketnote does not write: the link would lead nowhere",
        ])
    }

    @Test func anAddressAboveTheSiteRootFromTheServerRootOrWithAnUnescapedHashIsNamed() {
        #expect(warnings("[About](../about/) ![Chart](/images/a.png) [Elsewhere](/about/) [Q4](docs/q#4.pdf)") == [
            "n.md:1:1: the link '../about/' climbs above the site's root, where marketnote publishes nothing: the link would lead nowhere",
            "n.md:1:20: the image '/images/a.png' starts at the server's root: opened from disk, or published below a sub-path, "
                + "it misses the site's images/a.png",
            "n.md:1:65: the link 'docs/q#4.pdf' reads as static/docs/q with a fragment or query, though static/docs/q#4.pdf exists: "
                + "the link would lead nowhere",
        ])
    }

    /// The second review: a quote's missing picture passed even `--strict` without a word.
    @Test func aQuotesLinksAreCheckedAtTheirPlaceInItsFile() throws {
        #expect(try buildWarnings(after: .replace("content/quotes/2026-01-12-okafor.md", "For once the small end",
                                                  with: "\n  See ![Guidance](images/guidance.svg). For once the small end")) == [
            "content/quotes/2026-01-12-okafor.md:9:7: the image 'images/guidance.svg' has a relative",
        ])
    }

    /// The last session's review: a link an editor added to the note's template (a methodology
    /// page never put in `static/`) was rewritten for every page but checked nowhere. An address
    /// made of a tag is known only once rendered, and is not named.
    @Test func aProjectTemplatesLinksAreCheckedAtTheirPlaceInItsFile() throws {
        #expect(try buildWarnings(after: .replace("templates/note.md", "{{> partials/body.md}}", with: "{{> partials/body.md}}\n\n"
                                                  + "[How we count](method/index.html) · [Its facts](notes/{{date}}/facts.json)\n")) == [
            "templates/note.md:8:1: the link 'method/index.html' has a relative",
        ])
    }

    /// A quote's body starts below its front matter, after a blank line and with an indent.
    @Test func aPositionCountsFromWhereTheTextStartsInItsFile() {
        let found = ContentLinks.warnings(in: "Größe 📈 ![a](x.png)\nnext ![b](y.png)", startingAt: SourceLocation(path: "q.md", line: 7, column: 3),
                                          site: Self.site)
        #expect(found.map(\.location.description) == ["q.md:7:11", "q.md:8:6"])
    }
}
