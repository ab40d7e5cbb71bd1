import MarketData

/// `sitemap.xml` (sitemaps.org protocol 0.9): the home page, the archive and every note page, by
/// their canonical URLs. `lastmod` is the date of the newest note a page shows, from the data.
/// One file holds up to 50,000 URLs, about 190 years of daily notes.
struct SitemapWriter {
    let config: ProjectConfig
    /// Oldest first.
    let months: [ArchiveMonth]

    static let path = SiteLayout.sitemap

    /// Written as bytes, the base URL escaped once: the sitemap lists every note, so it is
    /// rebuilt on every build (it was 6% of a daily build's CPU as joined strings).
    func file() -> OutputFile {
        let newest = months.last?.notes.last?.date
        let base = Array(XMLEscaping.escape(config.baseURL).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(128 * (months.count + months.reduce(0) { $0 + $1.notes.count } + 4))
        func add(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }
        func line(_ text: StaticString) {
            add(text)
            out.append(0x0A)
        }
        /// `escaping: false` for a folder with nothing to escape: a note's (`notes/DATE/`), one
        /// line for each note of a long site's sitemap, rebuilt on every build.
        func url(_ folder: String, _ lastModified: SessionDate?, escaping: Bool = true) {
            add("<url><loc>")
            out.append(contentsOf: base)
            out.append(contentsOf: (escaping ? XMLEscaping.escape(folder) : folder).utf8)
            guard let lastModified else { return line("</loc></url>") }
            add("</loc><lastmod>")
            lastModified.withISOBytes { out.append(contentsOf: $0) }
            line("</lastmod></url>")
        }
        line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        line("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        url(SitePath.home.folder, newest)
        url(ArchivePages.indexPath.folder, newest)
        for month in months { url(month.path.folder, month.notes.last?.date) }
        for month in months {
            for index in month.notes.indices { url(month.notes[index].path, month.notes[index].date, escaping: false) }
        }
        line("</urlset>")
        return OutputFile(path: Self.path, bytes: out)
    }
}
