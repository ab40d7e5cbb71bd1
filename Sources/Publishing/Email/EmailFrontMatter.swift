import MarketData

/// The subject and preheader that an email edition's front matter declares (`templates/email.md`
/// writes them), so a project words its subject line in the template, not in code.
struct EmailFrontMatter: Equatable {
    var subject: String?
    var preheader: String?

    /// Reads the two keys from the front matter's YAML; other keys (date, url) are for other tools.
    init(yaml: String) {
        guard !yaml.isEmpty, var mapping = YAMLReader(path: "email.md").root(of: yaml) else { return }
        subject = mapping.string("subject")
        preheader = mapping.string("preheader")
    }
}
