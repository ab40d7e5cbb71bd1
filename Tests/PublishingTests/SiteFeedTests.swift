import Testing
@testable import Publishing

@Suite struct SiteFeedTests {
    static let dates = ["2025-10-30", "2025-10-31", "2025-11-03", "2025-12-01", "2025-12-31", "2026-01-02", "2026-01-15"]

    static func files(_ dates: [String] = dates) -> [OutputFile] {
        FeedWriter(config: SiteFixtures.config, months: ArchiveMonth.grouping(SiteFixtures.manifest(dates).notes)).files()
    }

    static func entryIDs(_ text: String) -> [String] {
        text.components(separatedBy: "<entry>\n<id>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func subscriptionDocumentHoldsTheNewestTwoMonthsNewestFirst() throws {
        let feed = try #require(SiteFixtures.text("feed.xml", in: Self.files()))
        #expect(Self.entryIDs(feed) == ["2026-01-15", "2026-01-02", "2025-12-31", "2025-12-01"]
            .map { "https://desk.example.com/sub/notes/\($0)/" })
        #expect(!feed.contains("<fh:archive/>"))
        #expect(feed.contains("<link rel=\"prev-archive\" type=\"application/atom+xml\" href=\"https://desk.example.com/sub/feed/2025-11.xml\"/>"))
    }

    @Test func archiveDocumentsHoldEachEarlierMonthAndChainBothWays() throws {
        let files = Self.files()
        #expect(files.map(\.path) == ["feed/2025-10.xml", "feed/2025-11.xml", "feed.xml"])
        let october = try #require(SiteFixtures.text("feed/2025-10.xml", in: files))
        let november = try #require(SiteFixtures.text("feed/2025-11.xml", in: files))
        #expect(october.contains("<fh:archive/>") && november.contains("<fh:archive/>"))
        #expect(!october.contains("rel=\"prev-archive\""))
        #expect(october.contains("rel=\"next-archive\" type=\"application/atom+xml\" href=\"https://desk.example.com/sub/feed/2025-11.xml\""))
        #expect(november.contains("rel=\"prev-archive\" type=\"application/atom+xml\" href=\"https://desk.example.com/sub/feed/2025-10.xml\""))
        #expect(november.contains("rel=\"next-archive\" type=\"application/atom+xml\" href=\"https://desk.example.com/sub/feed.xml\""))
        #expect(november.contains("rel=\"current\" type=\"application/atom+xml\" href=\"https://desk.example.com/sub/feed.xml\""))
    }

    @Test func everyNoteAppearsInExactlyOneDocument() {
        let ids = Self.files().flatMap { Self.entryIDs(String(decoding: $0.bytes, as: UTF8.self)) }
        #expect(ids.sorted() == Self.dates.map { "https://desk.example.com/sub/notes/\($0)/" })
    }

    @Test func datesComeFromTheNotesNotTheClock() throws {
        let feed = try #require(SiteFixtures.text("feed.xml", in: Self.files()))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<updated>2026-01-15T12:00:00Z</updated>\n<author>"))
        #expect(feed.contains("<published>2025-12-01T12:00:00Z</published>"))
        #expect(Self.files().map(\.bytes) == Self.files().map(\.bytes))
    }

    @Test func aSiteOfOneOrTwoMonthsHasOnlyTheSubscriptionDocument() {
        #expect(Self.files(["2026-01-02"]).map(\.path) == ["feed.xml"])
        #expect(Self.files(["2025-12-31", "2026-01-02"]).map(\.path) == ["feed.xml"])
        #expect(Self.files([]).isEmpty)
    }

    @Test func textFromDataIsEscapedAndControlCharactersDropped() throws {
        let entry = SiteFixtures.entry("2026-01-15", title: "S&P <500> \"up\"\u{1}")
        let files = FeedWriter(config: SiteFixtures.config, months: ArchiveMonth.grouping([entry])).files()
        let feed = try #require(SiteFixtures.text("feed.xml", in: files))
        #expect(feed.contains("<title>S&amp;P &lt;500&gt; &quot;up&quot;</title>"))
    }

    @Test func xmlEscapingDropsCharactersXMLForbidsAndEscapesMarkup() {
        #expect(XMLEscaping.escape("Caf\u{E9} <b> & \"x\"") == "Caf\u{E9} &lt;b&gt; &amp; &quot;x&quot;")
        #expect(XMLEscaping.escape("a\u{0}b\u{1B}c\td\ne") == "abc\td\ne")
        #expect(XMLEscaping.escape("x\u{FFFE}y\u{FFFF}z\u{FFFD}\u{F8FF}") == "xyz\u{FFFD}\u{F8FF}")
    }
}
