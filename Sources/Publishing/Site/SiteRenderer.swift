import Analytics
import Foundation
import MarketData
import Newsletter

/// Renders the pages of the site from composed notes; pure, so pages can be rendered on many threads.
public struct SiteRenderer: Sendable {
    public let config: ProjectConfig
    public let templates: TemplateLibrary
    public let markdown: MarkdownRenderer

    public init(config: ProjectConfig, templates: TemplateLibrary) {
        self.config = config
        self.templates = templates
        markdown = MarkdownRenderer()
    }

    /// The note's HTML body: its Markdown through cmark-gfm, tables made accessible.
    public func body(_ note: NoteDocument) -> String {
        TableMarkup.enhance(markdown.html(note.markdown))
    }

    /// `notes/DATE/index.html` and `notes/DATE/facts.json`.
    public func notePage(_ note: NoteDocument, body: String, previous: SiteManifest.Entry?) -> [OutputFile] {
        let root = "../../"
        var context: [String: Any] = ["body": body, "root": root, "hasCharts": false, "charts": [[String: Any]]()]
        if let previous {
            context["previous"] = ["path": previous.path, "dateLong": NumberStyle.longDate(previous.date), "root": root]
        }
        let content = templates.render("note.html", context)
        let page = layout(content: content, title: "\(note.title) · \(config.title)", description: note.summary,
                          canonicalPath: note.path, root: root, type: "article")
        return [OutputFile(path: note.path + "index.html", text: page),
                OutputFile(path: note.path + "facts.json", bytes: FactsDocument(note).encoded())]
    }

    /// The home page: the latest note in full when it was built in this run, and the recent notes.
    public func homePage(latest: (note: NoteDocument, body: String)?, manifest: SiteManifest) -> OutputFile {
        let recent = manifest.notes.reversed().prefix(15).map { entry -> [String: Any] in
            ["path": entry.path, "date": entry.date.description, "dateLong": NumberStyle.longDate(entry.date), "title": entry.title]
        }
        var context: [String: Any] = ["recent": Array(recent), "hasRecent": !recent.isEmpty]
        if let latest {
            context["latest"] = ["body": latest.body, "path": latest.note.path]
        }
        let newest = manifest.notes.last
        let page = layout(content: templates.render("index.html", context),
                          title: newest.map { "\(config.title): \($0.title)" } ?? config.title,
                          description: newest?.summary ?? config.description, canonicalPath: "", root: "", type: "website")
        return OutputFile(path: "index.html", text: page)
    }

    public func stylesheet() -> OutputFile {
        OutputFile(path: "assets/style.css", text: templates.files["style.css"] ?? "")
    }

    /// Wraps page content in `layout.html`.
    func layout(content: String, title: String, description: String, canonicalPath: String, root: String, type: String) -> String {
        var site: [String: Any] = ["title": config.title, "url": config.baseURL, "description": config.description,
                                   "language": config.language]
        if let disclaimer = config.disclaimer { site["disclaimer"] = disclaimer }
        return templates.render("layout.html", [
            "site": site, "content": content, "pageTitle": title, "description": description,
            "canonicalURL": config.baseURL + canonicalPath, "root": root, "ogType": type,
        ] as [String: Any])
    }
}
