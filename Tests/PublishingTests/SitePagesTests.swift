import Newsletter
import Testing
@testable import Publishing

@Suite struct SitePagesTests {
    static let manifest = SiteFixtures.manifest(["2025-11-28", "2025-12-01", "2025-12-02", "2026-01-15"])
    static let files = SiteFixtures.renderer.sitePages(manifest: manifest)

    @Test func groupingSplitsNotesByCalendarMonthOldestFirst() {
        let months = ArchiveMonth.grouping(SiteFixtures.manifest(["2025-01-31", "2025-12-01", "2025-12-02", "2026-01-02"]).notes)
        #expect(months.map(\.id) == ["2025-01", "2025-12", "2026-01"])
        #expect(months.map(\.notes.count) == [1, 2, 1])
        #expect(months[1].name == "December 2025" && months[1].monthName == "December")
        #expect(months[1].path.folder == "archive/2025/12/")
    }

    @Test func sitePagesAreTheArchiveFeedSitemapAndNotFoundPage() {
        #expect(Self.files.map(\.path) == ["archive/index.html", "archive/2025/11/index.html", "archive/2025/12/index.html",
                                          "archive/2026/01/index.html", "feed/2025-11.xml", "feed.xml", "sitemap.xml", "404.html"])
    }

    @Test func archiveIndexListsMonthsUnderTheirYearNewestYearFirst() throws {
        let index = try #require(SiteFixtures.text("archive/index.html", in: Self.files))
        let year2026 = try #require(index.range(of: "<h2 id=\"year-2026\">"))
        let year2025 = try #require(index.range(of: "<h2 id=\"year-2025\">"))
        #expect(year2026.lowerBound < year2025.lowerBound)
        // Each month in its own column (m12: December), so years line up as rows; a screen reader
        // hears the year and the count, not only "Dec".
        #expect(index.contains("<li class=\"m12\"><a href=\"2025/12/index.html\"><time datetime=\"2025-12\">Dec</time>"
            + "<span class=\"visually-hidden\"> 2025, 2 notes</span></a></li>"))
        #expect(index.contains("<a href=\"../archive/index.html\" aria-current=\"page\">Archive</a>"))
        #expect(index.contains("<link rel=\"canonical\" href=\"https://desk.example.com/sub/archive/\">"))
    }

    @Test func monthPageListsItsNotesInOrderAndLinksToTheNeighbouringMonths() throws {
        let december = try #require(SiteFixtures.text("archive/2025/12/index.html", in: Self.files))
        let first = try #require(december.range(of: "../../../notes/2025-12-01/index.html"))
        let second = try #require(december.range(of: "../../../notes/2025-12-02/index.html"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(!december.contains("2025-11-28/index.html"))
        // The arrows are decoration, not read out.
        #expect(december.contains("<a href=\"../11/index.html\" rel=\"prev\"><span aria-hidden=\"true\">← </span>November 2025</a>"))
        #expect(december.contains("<a href=\"../../2026/01/index.html\" rel=\"next\">January 2026<span aria-hidden=\"true\"> →</span></a>"))
        #expect(!december.contains("aria-current"))
        #expect(december.contains("<p>Summary of 2025-12-01.</p>"))
    }

    @Test func sitemapListsHomeArchiveMonthsAndEveryNoteWithDatesFromTheData() throws {
        let sitemap = try #require(SiteFixtures.text("sitemap.xml", in: Self.files))
        #expect(sitemap.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(sitemap.contains("<url><loc>https://desk.example.com/sub/</loc><lastmod>2026-01-15</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://desk.example.com/sub/archive/</loc><lastmod>2026-01-15</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://desk.example.com/sub/archive/2025/12/</loc><lastmod>2025-12-02</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://desk.example.com/sub/notes/2025-11-28/</loc><lastmod>2025-11-28</lastmod></url>"))
        #expect(SiteFixtures.count("<url>", in: sitemap) == 2 + 3 + 4)
    }

    /// It carries its own stylesheet (a preview host or a file on disk showed it unstyled) and
    /// links from the base URL, since a server may show it at any address.
    @Test func notFoundPageLinksFromTheBaseURLCarriesItsStyleAndAsksNotToBeIndexed() throws {
        let page = try #require(SiteFixtures.text("404.html", in: Self.files))
        #expect(!page.contains("<link rel=\"stylesheet\""))
        let css = try #require(SiteFixtures.renderer.templates.files["style.css"])
        #expect(page.contains("<style>" + css + "</style>"))
        let note = try #require(SiteFixtures.text("archive/index.html", in: Self.files))
        #expect(note.contains("<link rel=\"stylesheet\" href=\"../assets/style.css\">") && !note.contains("<style>"))
        #expect(page.contains("href=\"https://desk.example.com/sub/archive/index.html\""))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!page.contains("rel=\"canonical\""))
    }

    @Test func homePageSummarisesTheNewestNoteWhenItsBodyWasNotBuilt() {
        let home = String(decoding: SiteFixtures.renderer.homePage(latest: nil, manifest: Self.manifest).bytes, as: UTF8.self)
        #expect(home.contains("<h1><a href=\"notes/2026-01-15/index.html\">Note of 2026-01-15</a></h1>"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://desk.example.com/sub/\">"))
        #expect(home.contains("<a href=\"archive/index.html\">All notes by month</a>"))
    }

    /// The notes before the newest, newest first; the newest is shown above the list, so it is
    /// not listed again. The date is beside the link, not inside it.
    @Test func homePageListsTheNotesBeforeTheNewestNewestFirst() throws {
        let home = String(decoding: SiteFixtures.renderer.homePage(latest: nil, manifest: Self.manifest).bytes, as: UTF8.self)
        let items = home.components(separatedBy: "<li>").dropFirst().map { $0.prefix { $0 != "\n" } }
        let dates = Self.manifest.notes.map(\.date).dropLast().suffix(15).reversed()
        #expect(items.count == dates.count)
        for (item, date) in zip(items, dates) {
            #expect(item.hasPrefix("<time datetime=\"\(date)\">\(NumberStyle.longDate(date))</time> <a href=\"notes/\(date)/index.html\">"), "\(item)")
        }
    }
}
