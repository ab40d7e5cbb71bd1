import MarketData
import Testing

@Suite struct MarkdownLinksTests {
    func described(_ text: String) -> [String] {
        MarkdownLinks.all(in: text).map { link in
            "\(link.line):\(link.column) \(link.kind) [\(link.text)] (\(text[link.destination]))"
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

@Suite struct MarkdownLinksAcrossLinesTests {
    @Test func anInlineLinkMayRunOverLinesOfItsParagraphAndDefinitionsAreFound() {
        let text = "An ![image with\na long description](\n  <b c.png>) here.\n\n   [ref]: images/r.png \"Title\"\n[not a ref] : x\n"
        let links = MarkdownLinks.all(in: text)
        #expect(links.map { "\($0.line):\($0.column) \($0.kind) [\($0.text)] (\(text[$0.destination]))" } == [
            "1:4 image [image with\na long description] (b c.png)", "5:4 definition [ref] (images/r.png)",
        ])
    }

    @Test func aLinkDoesNotReachAcrossABlankLine() {
        #expect(MarkdownLinks.all(in: "[open\n\nclose](x.png)").isEmpty)
    }
}
