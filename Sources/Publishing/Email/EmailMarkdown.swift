import MarketData

/// A note's email Markdown (rendered from `templates/email.md`): its front matter, and a body
/// made fit to send by `EmailMarkdownSanitizer`.
struct EmailMarkdown {
    let frontMatter: EmailFrontMatter
    /// The body below the front matter, without leading blank lines: the text/plain part.
    let body: String
    /// The whole `email/DATE.md`: the front matter as the template wrote it, then the body.
    let text: String

    init(_ markdown: String, links: LinkResolver) {
        let document = try? FrontMatterDocument.split(markdown, path: "email.md")
        let originalBody = document?.body ?? markdown
        let content = originalBody.drop { $0 == "\n" || $0 == "\r\n" }
        frontMatter = EmailFrontMatter(yaml: document?.yaml ?? "")
        body = EmailMarkdownSanitizer(links: links).sanitize(String(content))
        text = String(decoding: markdown.utf8.dropLast(content.utf8.count), as: UTF8.self) + body
    }
}
