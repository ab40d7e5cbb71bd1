import MarketData

/// `sitemap.xml` (sitemaps.org protocol 0.9): the home page, the archive and every note page, by
/// their canonical URLs. `lastmod` is the date of the newest note a page shows, from the data.
/// One file holds up to 50,000 URLs, about 190 years of daily notes.
struct SitemapWriter {
    let config: ProjectConfig
    /// Oldest first.
    let months: [ArchiveMonth]

    static let path = "sitemap.xml"

    func file() -> OutputFile {
        let newest = months.last?.notes.last?.date
        var urls = [url(.home, newest), url(ArchivePages.indexPath, newest)]
        urls += months.map { url($0.path, $0.notes.last?.date) }
        urls += months.flatMap(\.notes).map { url(SitePath($0.path), $0.date) }
        let lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"] + urls + ["</urlset>"]
        return OutputFile(path: Self.path, text: lines.joined(separator: "\n") + "\n")
    }

    private func url(_ page: SitePath, _ lastModified: SessionDate?) -> String {
        let location = "<loc>\(XMLEscaping.escape(page.url(base: config.baseURL)))</loc>"
        return "<url>" + location + (lastModified.map { "<lastmod>\($0)</lastmod>" } ?? "") + "</url>"
    }
}
