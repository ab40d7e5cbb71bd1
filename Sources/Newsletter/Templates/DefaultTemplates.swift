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
}
