/// The templates a project gets when it does not provide its own, by path below `templates/`.
///
/// They are the sample project's `templates/` folder, compiled in by SwiftPM (`embedInCode`), so
/// the binary needs no resource bundle and the two can never drift apart.
public enum DefaultTemplates {
    public static let files: [String: String] = [
        "note.md": PackageResources.note_md,
        "email.md": PackageResources.email_md,
        "partials/body.md": PackageResources.body_md,
        "phrases.yml": PackageResources.phrases_yml,
        "layout.html": PackageResources.layout_html,
        "note.html": PackageResources.note_html,
        "index.html": PackageResources.index_html,
        "archive.html": PackageResources.archive_html,
        "not-found.html": PackageResources.not_found_html,
        "email.html": PackageResources.email_html,
        "style.css": PackageResources.style_css,
    ].mapValues { String(decoding: $0, as: UTF8.self) }

    /// What each template is for, in the order `marketnote templates` lists them.
    public static let descriptions: KeyValuePairs<String, String> = [
        "phrases.yml": "the wording of every generated sentence and heading",
        "partials/body.md": "the note's body (sections, quotes, commentary), shared by both editions",
        "note.md": "the web edition's Markdown: title and date, then the body",
        "email.md": "the email edition's Markdown: front matter (subject, preheader), the body, the footer",
        "layout.html": "the page shell of the site: head, header, footer",
        "note.html": "a note's page: the rendered note and its charts",
        "index.html": "the home page: the latest notes",
        "archive.html": "the archive: an index of months and a page per month",
        "not-found.html": "the 404 page",
        "email.html": "the HTML email's shell; its <style> rules are inlined",
        "style.css": "the site's stylesheet",
    ]
}
