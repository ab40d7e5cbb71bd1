import Foundation
import MarketData
import Newsletter

/// A page of the site with the digest of everything it is rendered from, so that a build can keep
/// the published page instead of rendering it again when nothing it shows has changed.
public struct PlannedPage: Sendable {
    public let path: String
    /// 0 for a page that is rendered every time.
    public let inputs: UInt64
    public let render: @Sendable () -> OutputFile

    init(path: String, inputs: InputDigest, render: @escaping @Sendable () -> OutputFile) {
        self.path = path
        self.inputs = inputs.value
        self.render = render
    }

    /// A page rendered on every build (it lists every note, or costs nothing to render).
    init(always file: OutputFile) {
        path = file.path
        inputs = 0
        render = { file }
    }
}

extension SiteRenderer {
    /// The pages built from the list of all notes: archive by month, Atom feed, sitemap, 404.
    /// They depend on the manifest only, so a single-date build that adds to an existing site
    /// gives the same pages as a backfill of the same notes. `fingerprint` digests what every
    /// page shares (templates, configuration, the marketnote executable).
    public func sitePages(manifest: SiteManifest, fingerprint: InputDigest) -> [PlannedPage] {
        let months = ArchiveMonth.grouping(manifest.notes)
        return ArchivePages(renderer: self, months: months).pages(fingerprint)
            + FeedWriter(config: config, months: months).pages(fingerprint)
            + [PlannedPage(always: SitemapWriter(config: config, months: months).file()), PlannedPage(always: notFoundPage())]
    }

    /// Every site page, rendered.
    public func sitePages(manifest: SiteManifest) -> [OutputFile] {
        sitePages(manifest: manifest, fingerprint: InputDigest()).map { $0.render() }
    }
}

extension InputDigest {
    /// The digest every page of a site starts from: its templates, the project configuration file
    /// and the marketnote executable.
    public static func site(templates: [String: String], configuration: String) -> InputDigest {
        var digest = InputDigest()
        digest.add(executableIdentity())
        digest.add(templates: templates, configuration: configuration)
        return digest
    }

    /// What every note was written from besides its data and commentary: what the project
    /// configuration says and the templates in use, less the stylesheet (pages link it, not hold
    /// it). A new version of marketnote is left out: it rewrites notes only when asked. Written
    /// into the site, so the same text saved with CRLF line ends or a byte order mark gives the
    /// same digest (the templates are read as plain lines, the configuration as its YAML tree).
    public static func notes(templates: [String: String], configuration: String) -> InputDigest {
        var digest = InputDigest()
        digest.add(templates: templates.filter { $0.key != "style.css" }, configuration: configuration)
        return digest
    }

    private mutating func add(templates: [String: String], configuration: String) {
        add(configuration)
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            add(name)
            add(text)
        }
    }

    /// The digest of the page of `months[position]` (`kind`: its archive page or feed document):
    /// this one, then the month's notes and which months come before and after it.
    func month(_ kind: String, of months: [ArchiveMonth], at position: Int) -> InputDigest {
        var digest = self
        digest.add(kind)
        digest.add(months[position].id)
        digest.add(String(months[position].notesDigest, radix: 16))
        digest.add(position > 0 ? months[position - 1].id : "-")
        digest.add(position + 1 < months.count ? months[position + 1].id : "-")
        return digest
    }
}
