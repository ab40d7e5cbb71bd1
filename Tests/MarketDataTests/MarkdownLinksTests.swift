import MarketData
import Testing

@Suite struct MarkdownLinksTests {
    func described(_ text: String) -> [String] {
        MarkdownLinks.all(in: text).map { link in
            "\(link.line):\(link.column) \(link.isImage ? "image" : "link") [\(link.text)] (\(text[link.destination]))"
        }
    }

    @Test func findsLinksAndImagesWithTheirPositionsAndDestinations() {
        #expect(described("See ![A chart](a.png \"t\") and [the [full] report](<b c.pdf>).\n\n[x](y)") == [
            "1:5 image [A chart] (a.png)", "1:31 link [the [full] report] (b c.pdf)", "3:1 link [x] (y)",
        ])
    }

    @Test func textThatOnlyLooksLikeALinkAndFencedCodeAreLeftOut() {
        #expect(described("!important ] (x) and a ](b) alone\n```\n![code](c.png)\n```\n![after](d.png)") == ["5:1 image [after] (d.png)"])
    }

    @Test func aStaticFileIsNamedByItsPathFromTheSiteRoot() {
        #expect(StaticFiles.sitePath(linkedAs: "./images/a%20b.png?v=2#top") == "images/a b.png")
        #expect(StaticFiles.sitePath(linkedAs: "/images/a.png") == nil)
        #expect(StaticFiles.sitePath(linkedAs: "https://example.com/a.png") == nil)
        #expect(StaticFiles.sitePath(linkedAs: "#section") == nil)
        #expect(StaticFiles.sitePath(linkedAs: "mailto:desk@example.com") == nil)
    }
}
