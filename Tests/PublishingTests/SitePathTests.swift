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

    @Test func rootClimbsOneLevelPerFolder() {
        #expect(SitePath.home.root == "")
        #expect(SitePath("notes/2026-01-15/").root == "../../")
    }

    @Test func canonicalURLIsTheFolderBelowTheBaseURL() {
        #expect(SitePath("notes/2026-01-15/").url(base: "https://desk.example.com/sub/")
            == "https://desk.example.com/sub/notes/2026-01-15/")
        #expect(SitePath.home.url(base: "https://desk.example.com/") == "https://desk.example.com/")
    }
}
