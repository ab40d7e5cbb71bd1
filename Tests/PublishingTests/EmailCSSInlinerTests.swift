import Testing
@testable import Publishing

@Suite struct EmailCSSInlinerTests {
    static func page(_ css: String, _ body: String) -> String {
        "<html><head><title>t</title><style>\(css)</style></head><body>\(body)</body></html>"
    }

    @Test func rulesBecomeStyleAttributesAndTheStyleBlockIsRemoved() {
        let html = CSSInliner.inline(Self.page("p { margin: 0 0 16px; } a { color: #1f5fa8 }", "<p>See <a href=\"https://x.example/\">x</a></p>"))
        #expect(html == "<html><head><title>t</title></head><body><p style=\"margin: 0 0 16px\">See "
                    + "<a href=\"https://x.example/\" style=\"color: #1f5fa8\">x</a></p></body></html>")
    }

    @Test func descendantAndChildCombinatorsMatchOnlyInside() {
        let html = CSSInliner.inline(Self.page(".content p { color: red } blockquote > p { margin: 0 }",
                                               "<p>out</p><div class=\"content\"><blockquote><div><p>deep</p></div><p>child</p></blockquote></div>"))
        #expect(html.contains("<p>out</p>"))
        #expect(html.contains("<p style=\"color: red\">deep</p>"))
        #expect(html.contains("<p style=\"margin: 0; color: red\">child</p>"))
    }

    /// A phone's media query cannot be inlined: a `<style data-embed>` block stays as written,
    /// and its rules are not copied into the elements.
    @Test func aStyleBlockMarkedDataEmbedIsKeptAndNotInlined() {
        let kept = "<style data-embed>@media (max-width: 480px) { .content { padding: 4px !important; } } p { color: red }</style>"
        let html = CSSInliner.inline("<html><head><style>p { margin: 0 }</style>\(kept)</head><body><div class=\"content\"><p>x</p></div></body></html>")
        #expect(html == "<html><head>\(kept)</head><body><div class=\"content\"><p style=\"margin: 0\">x</p></div></body></html>")
    }

    @Test func moreSpecificRulesWinWhateverTheirOrder() {
        let html = CSSInliner.inline(Self.page("td.gain { color: green } td { color: black; padding: 4px }",
                                               "<table><tr><td class=\"gain\">+1%</td><td>x</td></tr></table>"))
        #expect(html.contains("<td class=\"gain\" style=\"padding: 4px; color: green\">+1%</td>"))
        #expect(html.contains("<td style=\"color: black; padding: 4px\">x</td>"))
    }

    @Test func anExistingStyleAttributeWinsOverTheStylesheet() {
        let html = CSSInliner.inline(Self.page("td { text-align: left; padding: 6px }", "<td style=\"text-align: right\">+0.7%</td>"))
        #expect(html.contains("<td style=\"padding: 6px; text-align: right\">+0.7%</td>"))
    }

    @Test func selectorsThatCannotBeInlinedAreSetAsideNotMisapplied() {
        let stylesheet = CSSStylesheet(parsing: "a:hover { color: red } @media (max-width: 600px) { p { margin: 0 } } tr + tr { x: y } p { margin: 1px }")
        #expect(stylesheet.rules.count == 1)
        #expect(stylesheet.skipped == ["a:hover", "@media (max-width: 600px)", "tr + tr"])
        let html = CSSInliner.inline(Self.page("a:hover { color: red } @media (max-width: 600px) { p { margin: 0 } }", "<p><a href=\"https://x.example/\">x</a></p>"))
        #expect(html.contains("<p><a href=\"https://x.example/\">x</a></p>"))
    }

    @Test func valuesAreEscapedForTheAttributeAndOtherAttributesKeepTheirText() {
        let html = CSSInliner.inline(Self.page("p { font-family: \"Helvetica Neue\", Arial }", "<p title='a &amp; b' data-x=1>x</p>"))
        #expect(html.contains("<p title='a &amp; b' data-x=1 style=\"font-family: &quot;Helvetica Neue&quot;, Arial\">x</p>"))
    }

    @Test func commentsAndRawTextAreNotTakenForTags() {
        let html = CSSInliner.inline(Self.page("p { margin: 0 }", "<!-- <p>not a tag</p> --><p>1 &lt; 2</p>"))
        #expect(html.contains("<!-- <p>not a tag</p> --><p style=\"margin: 0\">1 &lt; 2</p>"))
    }

    @Test func voidElementsDoNotSwallowTheirSiblings() {
        let html = CSSInliner.inline(Self.page("hr p { color: red } div > p { margin: 0 }", "<div><hr><p>x</p></div>"))
        #expect(html.contains("<div><hr><p style=\"margin: 0\">x</p></div>"))
    }
}
