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
        func url(_ folder: String, _ lastModified: SessionDate?) {
            add("<url><loc>")
            out.append(contentsOf: base)
            out.append(contentsOf: XMLEscaping.escape(folder).utf8)
            add("</loc>")
            if let lastModified {
                add("<lastmod>")
                lastModified.withISOBytes { out.append(contentsOf: $0) }
                add("</lastmod>")
            }
            line("</url>")
        }
        line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        line("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        url(SitePath.home.folder, newest)
        url(ArchivePages.indexPath.folder, newest)
        for month in months { url(month.path.folder, month.notes.last?.date) }
        // A note's path is its page's folder, `notes/DATE/` (`NotePaths.notePath`), with nothing
        // to escape; each note is one line of a long site's sitemap, rebuilt on every build.
        for month in months {
            for index in month.notes.indices {
                add("<url><loc>")
                out.append(contentsOf: base)
                out.append(contentsOf: month.notes[index].path.utf8)
                add("</loc><lastmod>")
                month.notes[index].date.withISOBytes { out.append(contentsOf: $0) }
                line("</lastmod></url>")
            }
        }
        line("</urlset>")
        return OutputFile(path: Self.path, bytes: out)
    }
}
