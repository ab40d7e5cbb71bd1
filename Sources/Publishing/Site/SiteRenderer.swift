import Analytics
import Foundation
import MarketData
import Newsletter

/// Renders the pages of the site from composed notes; pure, so pages can be rendered on many threads.
public struct SiteRenderer: Sendable {
    public let config: ProjectConfig
    public let templates: TemplateLibrary
    public let markdown: MarkdownRenderer
    public let charts: ChartRenderer

    public init(config: ProjectConfig, templates: TemplateLibrary) {
        self.config = config
        self.templates = templates
        markdown = MarkdownRenderer()
        charts = ChartRenderer()
    }

    /// How many notes the home page lists.
    static let recentCount = 15

    /// The note's HTML body for `page` (its own, or the home page): its Markdown through
    /// cmark-gfm, tables made accessible, relative addresses read from the site's root.
    func body(_ note: NoteDocument, on page: SitePath) -> MarkupBytes {
        TableMarkup.enhance(markdown.html(note.markdown, root: page.root))
    }

    /// `notes/DATE/index.html` and `notes/DATE/facts.json`.
    public func notePage(_ note: NoteDocument, body: MarkupBytes, previous: SiteManifest.Entry?, next: SiteManifest.Entry?) -> [OutputFile] {
        let page = SitePath(note.path)
        let root = page.root
        let month = ArchiveMonth(containing: note.date)
        // The chart draws its own title; the caption carries the text alternative for every reader.
        let rendered = charts.charts(for: note.facts)
        var context: TemplateObject = [
            .body: .markup(body), .root: .text(root), .hasCharts: .flag(!rendered.isEmpty),
            .charts: .objects(rendered.map { [.svg: .markup($0.svg), .title: .text($0.title), .caption: .text($0.description)] }),
            .month: .object([.href: .text(month.path.href(from: page)), .name: .text(month.name)]),
        ]
        for (key, neighbour) in [(TemplateKey.previous, previous), (.next, next)] {
            guard let neighbour else { continue }
            context[key] = .object([.href: .text(SitePath(neighbour.path).href(from: page)),
                                    .date: .text(neighbour.date.description), .dateLong: .text(NumberStyle.longDate(neighbour.date))])
        }
        let content = templates.renderedMarkup("note.html", context)
        let html = layout(content: content, title: "\(note.title) · \(NumberStyle.longDate(note.date)) · \(config.title)", description: note.summary,
                          page: page, type: "article")
        return [OutputFile(path: note.path + "index.html", bytes: html),
                OutputFile(path: note.path + "facts.json", bytes: FactsDocument(note).encoded())]
    }

    /// The home page: the latest note in full when it was built in this run (else its summary),
    /// and the notes before it (the latest is shown above them, so it is not listed again).
    public func homePage(latest: (note: NoteDocument, body: MarkupBytes)?, manifest: SiteManifest) -> OutputFile {
        let recent = manifest.notes.dropLast().suffix(Self.recentCount).reversed().map { listItem($0, from: .home) }
        var context: TemplateObject = [.recent: .objects(Array(recent)), .hasRecent: .flag(!recent.isEmpty),
                                       .archiveHref: .text(ArchivePages.indexPath.href(from: .home))]
        let newest = manifest.notes.last
        if let latest, latest.note.date == newest?.date {
            let href = SitePath(latest.note.path).href(from: .home)
            context[.latest] = .object([.body: .markup(latest.body), .href: .text(href), .factsHref: .text(latest.note.path + "facts.json")])
        } else if let newest {
            context[.latestSummary] = .object(listItem(newest, from: .home))
        }
        let html = layout(content: templates.renderedMarkup("index.html", context),
                          title: newest.map { "\(config.title): \($0.title)" } ?? config.title,
                          description: newest?.summary ?? config.description, page: .home, type: "website")
        return OutputFile(path: SiteLayout.home, bytes: html)
    }

    /// `404.html`: served for any missing address, so its links are absolute, from the base URL.
    func notFoundPage() -> OutputFile {
        let root = config.baseURL
        let html = layout(content: templates.renderedMarkup("not-found.html", [.root: .text(root)] as TemplateObject),
                          title: "Page not found · \(config.title)", description: config.description,
                          page: nil, root: root, type: "website")
        return OutputFile(path: SiteLayout.notFound, bytes: html)
    }

    public func stylesheet() -> OutputFile {
        OutputFile(path: SiteLayout.stylesheet, text: templates.files["style.css"] ?? "")
    }

    /// A note as a line of a list on `page`: link, date and title, summary.
    func listItem(_ entry: SiteManifest.Entry, from page: SitePath) -> TemplateObject {
        [.href: .text(SitePath(entry.path).href(from: page)), .date: .text(entry.date.description),
         .dateLong: .text(NumberStyle.longDate(entry.date)), .dateShort: .text(NumberStyle.shortDate(entry.date)),
         .title: .text(entry.title), .summary: .text(entry.summary)]
    }

    /// Wraps page content in `layout.html`, as the page file's bytes. A page without an address
    /// (the 404 page) gets no canonical tag and asks not to be indexed.
    func layout(content: MarkupBytes, title: String, description: String, page: SitePath?, root: String? = nil,
                type: String) -> [UInt8] {
        var context: TemplateObject = [
            .site: .object(config.siteContext), .content: .markup(content), .pageTitle: .text(title), .description: .text(description),
            .root: .text(root ?? page?.root ?? ""), .ogType: .text(type),
            // The site navigation marks the page it links to as the current one.
            .isHome: .flag(page == .home), .isArchive: .flag(page == ArchivePages.indexPath),
        ]
        if let page {
            context[.canonicalURL] = .text(page.url(base: config.baseURL))
        } else {
            context[.noindex] = .flag(true)
            // Served at any address, on any host (a preview, a staging copy, a file on disk), the
            // page carries its own stylesheet: the base URL's may not be reachable from there.
            let css = templates.files["style.css"] ?? ""
            if !css.contains("</") { context[.inlineStyle] = .text(css) }
        }
        return templates.renderedBytes("layout.html", context)
    }
}
