/// The templates a project gets when it does not provide its own, by path below `templates/`.
///
/// They are the sample project's `templates/` folder, compiled in by SwiftPM (`embedInCode`), so
/// the binary needs no resource bundle and the two can never drift apart.
public enum DefaultTemplates {
    /// Each shipped template with what it is for, in the order `marketnote templates` lists them:
    /// one list, so a new template cannot be compiled in without its description.
    public static let catalogue: [(name: String, description: String, text: String)] = [
        ("phrases.yml", "the wording of every generated sentence and heading", PackageResources.phrases_yml),
        ("partials/body.md", "the note's body (sections, quotes, commentary), shared by both editions", PackageResources.body_md),
        ("note.md", "the web edition's Markdown: title and date, then the body", PackageResources.note_md),
        ("email.md", "the email edition's Markdown: front matter (subject, preheader), the body, the footer", PackageResources.email_md),
        ("layout.html", "the page shell of the site: head, header, footer", PackageResources.layout_html),
        ("note.html", "a note's page: the rendered note and its charts", PackageResources.note_html),
        ("index.html", "the home page: the latest notes", PackageResources.index_html),
        ("archive.html", "the archive: an index of months and a page per month", PackageResources.archive_html),
        ("not-found.html", "the 404 page", PackageResources.not_found_html),
        ("email.html", "the HTML email's shell; its <style> rules are inlined", PackageResources.email_html),
        ("style.css", "the site's stylesheet", PackageResources.style_css),
    ].map { name, description, bytes in (name, description, String(decoding: bytes, as: UTF8.self)) }

    /// The shipped templates by path below `templates/`.
    public static let files: [String: String] = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.name, $0.text) })
}
