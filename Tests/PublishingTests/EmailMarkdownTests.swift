import Testing
@testable import Publishing

@Suite struct EmailMarkdownTests {
    static let links = LinkResolver(baseURL: "https://smallcapdesk.example.com/", pagePath: "notes/2026-01-15/")
    static func sanitize(_ markdown: String) -> String { EmailMarkdownSanitizer(links: links).sanitize(markdown) }

    @Test func relativeLinksResolveAgainstTheBaseURL() {
        #expect(Self.links.absolute("notes/2026-01-14/") == "https://smallcapdesk.example.com/notes/2026-01-14/")
        #expect(Self.links.absolute("/archive/") == "https://smallcapdesk.example.com/archive/")
        #expect(Self.links.absolute("../x.html") == "https://smallcapdesk.example.com/x.html")
        #expect(Self.links.absolute("//cdn.example.com/a") == "https://cdn.example.com/a")
        #expect(Self.links.absolute("a b.html") == "https://smallcapdesk.example.com/a%20b.html")
    }

    @Test func aBareFragmentPointsIntoTheNotesWebEdition() {
        #expect(Self.links.absolute("#charts") == "https://smallcapdesk.example.com/notes/2026-01-15/#charts")
    }

    @Test func absoluteLinksStayAndUnsafeSchemesHaveNoEmailForm() {
        #expect(Self.links.absolute("https://example.com/a?b=c#d") == "https://example.com/a?b=c#d")
        #expect(Self.links.absolute("mailto:desk@example.com") == "mailto:desk@example.com")
        #expect(Self.links.absolute("javascript:alert(1)") == nil)
        #expect(Self.links.absolute("file:///etc/passwd") == nil)
        #expect(Self.links.absolute("") == nil)
    }

    @Test func markdownThatAlreadyFitsIsLeftByteForByte() {
        let markdown = "# Title\n\n| A | B |\n| :--- | ---: |\n| IWM | +0.7% |\n\n[web edition](<https://smallcapdesk.example.com/notes/2026-01-15/>)\n"
        #expect(Self.sanitize(markdown) == markdown)
    }

    @Test func relativeLinksInQuotesAndCommentaryBecomeAbsolute() {
        let markdown = "> As we [wrote](notes/2026-01-14/) yesterday.\n>\n> — A. Analyst\n\nSee [the archive](../archive/ \"Archive\").\n\n[ref]: /about/\n\nAnd [about][ref].\n"
        let result = Self.sanitize(markdown)
        #expect(result.contains("[wrote](https://smallcapdesk.example.com/notes/2026-01-14/)"))
        #expect(result.contains("[the archive](https://smallcapdesk.example.com/archive/ \"Archive\")"))
        #expect(result.contains("[about](https://smallcapdesk.example.com/about/)"))
        #expect(result.contains("> As we "))
    }

    @Test func imagesBecomeLinksToThePicture() {
        let result = Self.sanitize("Chart: ![IWM vs SPY](../../assets/charts/iwm.svg) and ![](https://x.example/p.png)\n")
        #expect(result == "Chart: [IWM vs SPY](https://smallcapdesk.example.com/assets/charts/iwm.svg) and [image](https://x.example/p.png)\n")
    }

    @Test func rawHTMLIsRemoved() {
        let result = Self.sanitize("Hello <b>bold</b> world.\n\n<div>block</div>\n\n<script>alert(1)</script>\n\nEnd.\n")
        #expect(!result.contains("<"))
        #expect(result.contains("Hello bold world."))
        #expect(result.contains("End."))
    }

    @Test func linksWithNoEmailFormKeepTheirText() {
        #expect(Self.sanitize("Click [here](javascript:alert\\(1\\)) now.\n") == "Click here now.\n")
    }

    @Test func theFrontMatterGivesSubjectAndPreheaderAndStaysAsWritten() {
        let markdown = "---\nsubject: \"[Desk] Small caps \\u2212 up\"\npreheader: \"IWM set a record.\"\ndate: 2026-01-15\n---\n\n# Title\n\nSee [x](notes/).\n"
        let email = EmailMarkdown(markdown, links: Self.links)
        #expect(email.frontMatter.subject == "[Desk] Small caps − up")
        #expect(email.frontMatter.preheader == "IWM set a record.")
        #expect(email.body == "# Title\n\nSee [x](https://smallcapdesk.example.com/notes/).\n")
        #expect(email.text == "---\nsubject: \"[Desk] Small caps \\u2212 up\"\npreheader: \"IWM set a record.\"\ndate: 2026-01-15\n---\n\n" + email.body)
    }
}
