import Testing
@testable import Publishing

@Suite struct SitePathTests {
    @Test func linkBetweenNotesClimbsOnlyToTheirCommonFolder() {
        let from = SitePath("notes/2026-01-15/")
        #expect(SitePath("notes/2026-01-14/").href(from: from) == "../2026-01-14/index.html")
        #expect(SitePath("archive/2026/01/").href(from: from) == "../../archive/2026/01/index.html")
    }

    @Test func linksNameTheIndexFileSoTheSiteWorksFromDisk() {
        #expect(SitePath("notes/2026-01-15/").href(from: .home) == "notes/2026-01-15/index.html")
        #expect(SitePath.home.href(from: SitePath("archive/2026/01/")) == "../../../index.html")
        #expect(SitePath("archive/2026/01/").href(from: SitePath("archive/")) == "2026/01/index.html")
    }

    @Test func linksBetweenFoldersThatShareAPrefixClimbToTheWholeFolderTheyShare() {
        #expect(SitePath("notes/a/").href(from: SitePath("notes/ab/")) == "../a/index.html")
        #expect(SitePath("notes/ab/").href(from: SitePath("notes/a/")) == "../ab/index.html")
        #expect(SitePath("notes/a/").href(from: SitePath("notes/a/")) == "index.html")
        #expect(SitePath("archive/").href(from: SitePath("archive/2026/01/")) == "../../index.html")
        #expect(SitePath("archive/2026/02/").href(from: SitePath("archive/2025/02/")) == "../../2026/02/index.html")
        #expect(SitePath("café/été/").href(from: SitePath("café/")) == "été/index.html")
    }

    /// Every link between the pages of a small site, against a reference that walks folder names.
    @Test func everyLinkLeadsFromItsPageToItsTarget() {
        let pages = ["", "notes/", "notes/2026-01-15/", "notes/2026-01-14/", "notes/2026-01-1/", "archive/",
                     "archive/2026/", "archive/2026/01/", "archive/2025/12/", "a/b/c/d/"].map(SitePath.init)
        for target in pages {
            for page in pages {
                let href = target.href(from: page)
                // Resolve the link as a browser would, from the page's folder.
                var folders = page.folder.split(separator: "/").map(String.init)
                for part in href.split(separator: "/").dropLast() {
                    if part == ".." { folders.removeLast() } else { folders.append(String(part)) }
                }
                #expect(folders.map { $0 + "/" }.joined() == target.folder, "\(target.folder) from \(page.folder): \(href)")
                #expect(href.hasSuffix("index.html") && !href.contains("//"), "\(href)")
                // The shortest: it never climbs out of a folder the two pages share.
                let shared = zip(target.folder.split(separator: "/"), page.folder.split(separator: "/")).prefix { $0 == $1 }.count
                #expect(href.components(separatedBy: "../").count - 1 == page.folder.split(separator: "/").count - shared)
            }
        }
    }

    @Test func rootClimbsOneLevelPerFolder() {
        #expect(SitePath.home.root == "")
        #expect(SitePath("notes/2026-01-15/").root == "../../")
        #expect(SitePath("archive/2026/01/").root == "../../../")
    }

    @Test func canonicalURLIsTheFolderBelowTheBaseURL() {
        #expect(SitePath("notes/2026-01-15/").url(base: "https://desk.example.com/sub/")
            == "https://desk.example.com/sub/notes/2026-01-15/")
        #expect(SitePath.home.url(base: "https://desk.example.com/") == "https://desk.example.com/")
    }
}
