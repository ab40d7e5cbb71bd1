import Foundation
import MarketData
import TestSupport
import Testing
@testable import Publishing

/// Builds of the sample project at the repository root: a site that grows one build at a time
/// must list the same notes as a site built in one go.
@Suite struct SiteBuildTests {
    static let projectRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("marketnote.yml").path) { return url.path }
        }
        fatalError("no marketnote.yml above \(#filePath)")
    }()

    static func build(_ dates: DateSelection, into site: String) throws {
        _ = try BuildPipeline(options: BuildOptions(projectRoot: projectRoot, outputPath: site, dates: dates)).run()
    }

    static func range(_ from: String, _ to: String) -> DateSelection { .range(from: SessionDate(from)!, to: SessionDate(to)!) }

    static func temporarySite() -> String {
        ScratchFolder.make("site") + "/site"
    }

    /// Every file of a built site by its path, except the email editions (written for the last
    /// note of each build, so they depend on how the site was built).
    static func files(of site: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: site)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard !path.hasPrefix("email/"), FileManager.default.fileExists(atPath: site + "/" + path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: site + "/" + path)
        }
        return files
    }

    static func differences(_ grown: [String: Data], _ batch: [String: Data]) -> [String] {
        Set(grown.keys).union(batch.keys).sorted().filter { grown[$0] != batch[$0] }
    }

    @Test func addingTheNextSessionGivesTheSameSiteAsBuildingBothTogether() throws {
        let grown = Self.temporarySite(), batch = Self.temporarySite()
        try Self.build(Self.range("2025-12-01", "2026-01-14"), into: grown)
        try Self.build(.single(SessionDate("2026-01-15")!), into: grown)
        try Self.build(Self.range("2025-12-01", "2026-01-15"), into: batch)
        let batchFiles = Self.files(of: batch)
        #expect(batchFiles["notes/2026-01-15/index.html"] != nil && batchFiles["feed.xml"] != nil)
        #expect(Self.differences(Self.files(of: grown), batchFiles) == [])
    }

    @Test func fillingAGapGivesTheSameArchiveFeedAndSitemapAsABackfill() throws {
        let grown = Self.temporarySite(), batch = Self.temporarySite()
        try Self.build(Self.range("2025-11-03", "2025-11-28"), into: grown)
        try Self.build(Self.range("2025-12-15", "2026-01-15"), into: grown)
        try Self.build(Self.range("2025-12-01", "2025-12-12"), into: grown)
        try Self.build(Self.range("2025-11-03", "2026-01-15"), into: batch)
        let listings = { (files: [String: Data]) in
            files.filter { ["archive/", "feed", "sitemap.xml", "404.html", "notes/index.json"].contains(where: $0.key.hasPrefix) }
        }
        let grownFiles = Self.files(of: grown), batchFiles = Self.files(of: batch)
        // The archive index and 3 months, feed.xml and feed/2025-11.xml, sitemap, 404, manifest.
        #expect(listings(batchFiles).count == 9)
        #expect(Self.differences(listings(grownFiles), listings(batchFiles)) == [])
        #expect(Set(grownFiles.keys) == Set(batchFiles.keys))
    }

    @Test func homePageKeepsListingTheRecentNotesAfterAnEarlierNoteIsAdded() throws {
        let grown = Self.temporarySite()
        try Self.build(Self.range("2025-12-15", "2026-01-15"), into: grown)
        try Self.build(.single(SessionDate("2025-12-12")!), into: grown)
        let home = try String(contentsOfFile: grown + "/index.html", encoding: .utf8)
        #expect(home.contains("<a href=\"notes/2026-01-15/index.html\">"))
        #expect(home.contains("notes/2025-12-12/index.html") == false)
        let archive = try String(contentsOfFile: grown + "/archive/2025/12/index.html", encoding: .utf8)
        #expect(archive.contains("../../../notes/2025-12-12/index.html"))
    }
}
