import MarketData
import Newsletter

/// The HTML edition: the email Markdown's body through cmark-gfm, placed in the `email.html`
/// shell (a 600-pixel centred table layout with a hidden preheader), with every style inlined.
///
/// The shell's `<style>` blocks are parsed once, from the shell rendered with the site's values
/// alone: a stylesheet may use `{{site.…}}`, but not a note's values.
struct EmailHTMLRenderer: Sendable {
    let config: ProjectConfig
    let templates: TemplateLibrary
    let markdown = MarkdownRenderer()
    let inliner: CSSInliner

    init(config: ProjectConfig, templates: TemplateLibrary) {
        self.config = config
        self.templates = templates
        inliner = CSSInliner(styleOf: templates.render("email.html", [.site: .object(config.siteContext)] as TemplateObject, noting: false))
    }

    func render(_ email: EmailMarkdown, subject: String, preheader: String, date: SessionDate, noteURL: String) -> String {
        let shell = templates.render("email.html", [
            .subject: .text(subject), .preheader: .text(preheader), .body: .markup(body(email.body)), .site: .object(config.siteContext),
            .noteURL: .text(noteURL), .date: .text(date.description), .dateLong: .text(NumberStyle.longDate(date)),
        ] as TemplateObject)
        return inliner.inline(shell)
    }

    /// cmark-gfm's HTML with the site's accessible tables (row headers, gain and loss classes),
    /// and the table attributes Outlook needs to draw them at full width without gaps.
    private func body(_ markdown: String) -> MarkupBytes {
        TableMarkup.enhance(self.markdown.html(markdown), tableTag: "<table width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">")
    }
}
