import Foundation
import MarketData
import TestSupport
import Testing
@testable import Publishing

/// `notes/index.json` is read without `JSONDecoder` and written without `JSONEncoder`; both must
/// agree with what the JSON says, whatever the titles and summaries hold.
@Suite struct SiteManifestTests {
    static let awkward = SiteManifest(notes: [
        .init(date: SessionDate("2026-01-14")!, title: "Quotes \"inside\", a back\\slash and a tab\there",
              summary: "Line one\nline two, a control \u{01} character, café, 📈 and </script>", path: "notes/2026-01-14/"),
        .init(date: SessionDate("2026-01-15")!, title: "", summary: "", path: "notes/2026-01-15/"),
    ])

    @Test func theManifestReadsBackAsItWasWritten() throws {
        let bytes = Self.awkward.encoded()
        #expect(SiteManifest(flatJSON: bytes)?.notes == Self.awkward.notes)
        // And it is JSON that any reader accepts.
        #expect(try JSONDecoder().decode(SiteManifest.self, from: Data(bytes)).notes == Self.awkward.notes)
    }

    @Test func theFingerprintOfTheTemplatesReadsBackWhereverItStands() throws {
        var manifest = Self.awkward
        manifest.fingerprint = "9f3a"
        #expect(SiteManifest(flatJSON: manifest.encoded())?.fingerprint == "9f3a")
        #expect(String(decoding: manifest.encoded(), as: UTF8.self) == (try EncodableJSONReference.text(manifest)))
        let after = #"{"notes":[],"fingerprint":"77"}"#
        #expect(SiteManifest(flatJSON: Array(after.utf8))?.fingerprint == "77")
        #expect(SiteManifest(flatJSON: Self.awkward.encoded())?.fingerprint == nil)
    }

    @Test func thePublishedPricesAndQuotesReadBackAsWrittenAndAsEncodableWritesThem() throws {
        var manifest = Self.awkward
        manifest.prices = PublishedPrices(series: [.init(symbol: "IWM", months: ["2025-12 9f3a", "2026-01 77"]),
                                                   .init(symbol: "SPY", months: [])])
        manifest.quotes = ["2026-01-09-lindqvist 2026-01-09 100c", "2026-01-12-okafor 2026-01-12 a2"]
        let bytes = manifest.encoded()
        #expect(SiteManifest(flatJSON: bytes)?.prices == manifest.prices)
        #expect(SiteManifest(flatJSON: bytes)?.quotes == manifest.quotes)
        #expect(try JSONDecoder().decode(SiteManifest.self, from: Data(bytes)).quotes == manifest.quotes)
        #expect(try JSONDecoder().decode(SiteManifest.self, from: Data(bytes)).prices == manifest.prices)
        #expect(String(decoding: bytes, as: UTF8.self) == (try EncodableJSONReference.text(manifest)))
        let damaged = #"{"notes":[],"prices":{"series":[{"symbol":"IWM","months":["2025-12 9f3a",1]}]}}"#
        #expect(SiteManifest(flatJSON: Array(damaged.utf8)) == nil)
    }

    @Test func theManifestIsWhatEncodableMakesOfIt() throws {
        for manifest in [Self.awkward, SiteManifest(notes: [])] {
            #expect(String(decoding: manifest.encoded(), as: UTF8.self) == (try EncodableJSONReference.text(manifest)))
        }
        #expect(String(decoding: SiteManifest(notes: []).encoded(), as: UTF8.self) == "{\n  \"notes\": []\n}\n")
    }

    @Test func foundationsPrettyPrintedJSONReadsTheSame() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(Self.awkward))
        #expect(SiteManifest(flatJSON: bytes)?.notes == Self.awkward.notes)
    }

    @Test func escapesIncludingSurrogatePairsAreDecoded() {
        let json = #"{"notes":[{"date":"2026-01-15","title":"\u00e9\ud83d\udcc8\/\b\f\r","summary":"","path":"notes/2026-01-15/"}]}"#
        #expect(SiteManifest(flatJSON: Array(json.utf8))?.notes.first?.title == "é📈/\u{08}\u{0C}\r")
    }

    /// Keys are matched as bytes; one written with an escape is read whole. The path is the
    /// build's (`notes/DATE/`), whatever the file says, but it must be there, as a string.
    @Test func keysWithEscapesAndPathsOtherThanTheBuildsReadAsTheBuildsNotes() {
        let json = #"{"notes":[{"d\u0061te":"2026-01-15","title":"T","summ\u0061ry":"S","path":"elsewhere/\u00e9/","commentary":"c1"}]}"#
        let note = SiteManifest(flatJSON: Array(json.utf8))?.notes.first
        #expect(note == SiteManifest.Entry(date: SessionDate("2026-01-15")!, title: "T", summary: "S", path: "notes/2026-01-15/",
                                           commentary: "c1"))
        // A date is read from its bytes, or, written with an escape, from its text.
        let escapedDate = #"{"notes":[{"date":"2026-01-1\u0035","title":"T","summary":"S","path":"p/"}]}"#
        #expect(SiteManifest(flatJSON: Array(escapedDate.utf8))?.notes.first?.date == SessionDate("2026-01-15"))
        for json in [#"{"notes":[{"date":"2026-01-15","title":"","summary":"","path":1}]}"#,
                     #"{"notes":[{"date":"2026-01-15","title":"","summary":"","path":"p/\x"}]}"#,
                     #"{"notes":[{"date":"2026-01-15","title":"","summary":"","pat":"p/"}]}"#,
                     #"{"notes":[{"date":"2026-01-15","title":"","summary":"","path":"p/","dates":""}]}"#] {
            #expect(SiteManifest(flatJSON: Array(json.utf8)) == nil, "\(json)")
        }
    }

    @Test func anythingElseFallsBackInsteadOfGuessing() {
        for json in [#"{"notes":[{"date":"2026-01-15","title":1,"summary":"","path":"p/"}]}"#,
                     #"{"notes":[{"date":"2026-13-45","title":"","summary":"","path":"p/"}]}"#,
                     #"{"notes":[{"date":"2026-01-15 ","title":"","summary":"","path":"p/"}]}"#,
                     #"{"notes":[{"date":"2026-01-3\u0032","title":"","summary":"","path":"p/"}]}"#,
                     #"{"notes":[{"date":20260115,"title":"","summary":"","path":"p/"}]}"#,
                     #"{"notes":[{"date":"2026-01-15","title":"","path":"p/"}]}"#,
                     #"{"notes":[{"date":"2026-01-15","title":"\ud83d","summary":"","path":"p/"}]}"#,
                     #"{"notes":[] } trailing"#, #"{"notes":["#, ""] {
            #expect(SiteManifest(flatJSON: Array(json.utf8)) == nil, "\(json)")
        }
    }

    @Test func aSiteWithoutNotesHasAnEmptyList() throws {
        let folder = ScratchFolder.make("manifest") + "/absent"
        #expect(try SiteManifest.read(fromSite: folder).notes.isEmpty)
        try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
        #expect(try SiteManifest.read(fromSite: folder).notes.isEmpty)
        // A file a desktop leaves behind is not a note.
        try Data().write(to: URL(fileURLWithPath: folder + "/notes/.DS_Store"))
        #expect(try SiteManifest.read(fromSite: folder).notes.isEmpty)
    }

    @Test func aSiteWithNotesAndAMissingOrBrokenListCannotBeRead() throws {
        let folder = ScratchFolder.make("manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/notes/2026-01-14", withIntermediateDirectories: true)
        let file = folder + "/" + SiteManifest.path
        #expect(throws: UnreadableManifest(path: file, problem: .missing)) { try SiteManifest.read(fromSite: folder) }
        for broken in ["{\"notes\": [", "", #"{"notes":[{"date":"2026-13-45","title":"","summary":"","path":"p/"}]}"#] {
            try Data(broken.utf8).write(to: URL(fileURLWithPath: file))
            #expect(throws: UnreadableManifest(path: file, problem: .damaged), "\(broken)") { try SiteManifest.read(fromSite: folder) }
        }
    }

    /// A backfill writes every note and the list again, so it is the way out of a damaged list.
    @Test func onlyABackfillGoesOnWithoutTheListOfNotes() throws {
        let problem = UnreadableManifest(path: "site/notes/index.json", problem: .damaged)
        let manifest = SiteManifestTests.awkward
        for dates in [DateSelection.latest, .single(SessionDate("2026-01-14")!), .range(from: nil, to: nil), .all] {
            let pipeline = BuildPipeline(options: BuildOptions(projectRoot: ".", dates: dates))
            #expect(try pipeline.earlierNotes(.success(manifest)).notes == manifest.notes)
            if dates == .all {
                #expect(try pipeline.earlierNotes(.failure(problem)).notes.isEmpty)
            } else {
                #expect(throws: DiagnosticReport.self) { try pipeline.earlierNotes(.failure(problem)) }
            }
        }
    }

    @Test func aNotesPathIsWhereTheBuildWritesItWhateverTheFileSays() throws {
        let folder = ScratchFolder.make("manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
        let edited = #"{"notes":[{"date":"2026-01-14","title":"a","summary":"","path":"notes/x"},"#
            + #"{"date":"2026-01-15","title":"b","summary":"","path":"../../elsewhere/"}]}"#
        for json in [edited, edited.replacingOccurrences(of: "}]}", with: ", \"extra\": 1}]}")] {
            try Data(json.utf8).write(to: URL(fileURLWithPath: folder + "/" + SiteManifest.path))
            let notes = try SiteManifest.read(fromSite: folder).notes
            #expect(notes.map(\.path) == ["notes/2026-01-14/", "notes/2026-01-15/"], "\(json)")
            #expect(notes.map(\.title) == ["a", "b"])
        }
    }

    @Test func mergingReplacesRebuiltDatesAndKeepsOrder() {
        let base = SiteFixtures.manifest(["2025-12-01", "2025-12-02", "2025-12-03"])
        let rebuilt = SiteManifest.Entry(date: SessionDate("2025-12-02")!, title: "new", summary: "", path: "notes/2025-12-02/")
        let appended = SiteManifest.Entry(date: SessionDate("2025-12-04")!, title: "next", summary: "", path: "notes/2025-12-04/")
        #expect(base.merging([rebuilt]).notes.map(\.title) == [base.notes[0].title, "new", base.notes[2].title])
        #expect(base.merging([appended]).notes.map(\.date.description) == ["2025-12-01", "2025-12-02", "2025-12-03", "2025-12-04"])
    }
}

/// The record a build leaves beside `output/`: it reads back as written, and anything it does not
/// recognise makes it no record at all (the next build then starts from an empty folder).
@Suite struct PublicationRecordTests {
    static let stamp = FileStamp(text: "2049 12345 678 1764000000 123456789")!
    static let record = PublicationRecord(site: stamp, spare: nil,
                                          files: RecordedFiles(["index.html": 0, "archive/2025/12/index.html": 0xDEAD_BEEF_0123_4567, "feed.xml": 1])!,
                                          changed: ["index.html"], removed: ["email/2026-01-14.md"])

    @Test func aRecordReadsBackAsItWasWritten() throws {
        var withSpare = Self.record
        withSpare.spare = FileStamp(text: "1 2 3 4 5")
        for record in [Self.record, withSpare] {
            #expect(PublicationRecord(bytes: record.bytes) == record)
        }
    }

    /// One pass over the site's files gives the kept files' lines, as they were read, and every
    /// other path, which the commit removes.
    @Test func keptFilesGiveTheirLinesAndTheOthersAreAllListed() throws {
        let files = try #require(RecordedFiles(["index.html": 0, "notes/2026-01-14/index.html": 0xAB, "notes/2026-01-15/index.html": 1,
                                                "email/2026-01-15.md": 2]))
        let (lines, dropped) = files.keeping { path in
            let text = String(decoding: path, as: UTF8.self)
            return text.hasPrefix("notes/2026-01-14") || text == "index.html"
        }
        #expect(Set(String(decoding: lines, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
            == ["file 0 index.html", "file ab notes/2026-01-14/index.html", ""])
        #expect(Set(dropped) == ["notes/2026-01-15/index.html", "email/2026-01-15.md"])
        #expect(files.keeping { _ in true }.lines == files.lines)
        #expect(Set(files.keeping { _ in false }.dropped) == Set(files.paths))
    }

    /// Only the files with an inputs digest can be kept unrendered, so only theirs are looked up.
    @Test func theFilesWithAnInputsDigestAreTheReusableOnes() throws {
        let files = try #require(RecordedFiles(["index.html": 0, "archive/2025/12/index.html": 0xAB, "feed.xml": 1]))
        #expect(files.reusable == ["archive/2025/12/index.html": 0xAB, "feed.xml": 1])
        #expect(files.count == 3)
        #expect(files.digests == ["index.html": 0, "archive/2025/12/index.html": 0xAB, "feed.xml": 1])
    }

    /// The record's lines before its `end DIGEST` line.
    static func body() throws -> String {
        let text = String(decoding: record.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.last?.hasPrefix("end ") == true)
        return lines.dropLast().joined(separator: "\n") + "\n"
    }

    /// `body` with the `end DIGEST` line a build would write for it.
    static func signed(_ body: String) -> [UInt8] {
        var digest = InputDigest()
        let bytes = Array(body.utf8)
        bytes.withUnsafeBufferPointer { digest.add(bytes: $0) }
        return bytes + Array("end \(String(digest.value, radix: 16))\n".utf8)
    }

    @Test func aRecordWithAnUnknownLineOrVersionIsNoneEvenWhenItsDigestMatches() throws {
        let body = try Self.body()
        #expect(PublicationRecord(bytes: Self.signed(body)) == Self.record)
        // Every digit, and sixteen of them, read back.
        let digits = body.replacingOccurrences(of: "file 0 index.html", with: "file ffffffffffffffff index.html")
            .replacingOccurrences(of: "file 1 feed.xml", with: "file 123456789abcdef0 feed.xml")
        let read = try #require(PublicationRecord(bytes: Self.signed(digits)))
        #expect(read.files.digests == ["index.html": .max, "archive/2025/12/index.html": 0xDEAD_BEEF_0123_4567, "feed.xml": 0x1234_5678_9ABC_DEF0])
        let damaged = [
            body.replacingOccurrences(of: "marketnote-publication 2", with: "marketnote-publication 3"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file xyz index.html"),
            body.replacingOccurrences(of: "changed index.html", with: "changed ../etc/passwd"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file 0 ../index.html"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file 0 notes//index.html"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file 0 "),
            body.replacingOccurrences(of: "file 0 index.html", with: "file  index.html"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file +0 index.html"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file 0"),
            body.replacingOccurrences(of: "file 0 index.html", with: "file 10000000000000000 index.html"),
            body.replacingOccurrences(of: "removed ", with: "deleted "),
            "",
        ]
        for text in damaged { #expect(PublicationRecord(bytes: Self.signed(text)) == nil, "\(text.prefix(60))") }
    }

    /// A crash test: a record cut short at the end of a line, or with one byte changed, still
    /// parsed, and the build that trusted it published a site with pages missing or out of date.
    @Test func aRecordCutShortOrWithAByteChangedIsNone() throws {
        let bytes = Self.record.bytes
        let body = try Self.body()
        let firstFileLine = try #require(body.range(of: "\nfile "))
        // A path that still parses: "feed.xml" becomes "feed.xmm".
        let path = try #require(body.range(of: " feed.xml\n"))
        var flipped = bytes
        flipped[body.utf8.distance(from: body.startIndex, to: path.upperBound) - 2] ^= 0x01
        let damaged = [
            Array(body.utf8),  // no end line
            Array(body[..<firstFileLine.lowerBound].utf8) + [0x0A],  // cut after the stamps
            Array(bytes.dropLast()),  // the end line cut short
            flipped,
            [],
        ]
        for record in damaged { #expect(PublicationRecord(bytes: record) == nil, "\(String(decoding: record.prefix(80), as: UTF8.self))") }
    }

    @Test func aPathWithANewlineIsNeverRecorded() {
        #expect(RecordedFiles(["index.html": 0, "notes/odd\nname": 0]) == nil)
        #expect(RecordedFiles.lines(["notes/odd\nname": 0]) == nil)
    }
}

/// A build keeps, from the published site, the folders and email editions of the notes it does
/// not write again; the date is read from each path's bytes.
@Suite struct CarriedOverFilesTests {
    @Test func theFoldersAndEditionsOfKeptNotesAndNothingElseAreCarriedOver() {
        let manifest = SiteManifest(notes: ["2026-01-14", "2026-01-15"].map { day in
            let date = SessionDate(day)!
            return .init(date: date, title: "", summary: "", path: "notes/\(day)/")
        })
        let selects = BuildPipeline.carriedOver(manifest)
        func isKept(_ path: String) -> Bool {
            var path = path
            return path.withUTF8(selects)
        }
        for path in ["notes/2026-01-14/index.html", "notes/2026-01-15/facts.json", "notes/2026-01-14/", "email/2026-01-14.md",
                     "email/2026-01-15.eml", "email/2026-01-14", "email/2026-01-14.md.bak"] {
            #expect(isKept(path), "\(path)")
        }
        for path in ["notes/2026-01-16/index.html", "notes/2026-01-14", "notes/index.json", "notes/2026-1-14/index.html",
                     "notes/2026-01-14x/index.html", "notes//2026-01-14/index.html", "email/2026-01-16.md", "email/2026-01-14.md/x",
                     "email/sub/2026-01-14.md", "email/", "notes/", "archive/2026/01/index.html", "index.html", "",
                     "xnotes/2026-01-14/index.html", "Notes/2026-01-14/index.html", "notes/2026-01-14\u{301}/index.html"] {
            #expect(!isKept(path), "\(path)")
        }
    }
}
