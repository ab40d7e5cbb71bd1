import Foundation
@testable import Publishing
import Testing
import TestSupport

/// Nothing made the new site durable before the swap: after a power cut just after a build, the
/// swap could survive while the new files' data had not reached the disk, publishing empty pages.
/// The staged site is now written to the disk (`syncfs`) first; a test's flush stands in for it.
@Suite struct DurableSwapTests {
    /// What the flush saw of the two folders when it ran.
    final class Observation: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        func add(_ text: String) { lock.withLock { seen.append(text) } }
        var all: [String] { lock.withLock { seen } }
    }

    static func publishedSite() throws -> (folder: String, site: String) {
        let folder = ScratchFolder.make("durable")
        let site = folder + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try Data("published".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))
        return (folder, site)
    }

    @Test func theStagedSiteIsFlushedToTheDiskBeforeItIsSwappedIn() throws {
        let (folder, site) = try Self.publishedSite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let observation = Observation()
        let output = try AtomicOutput(outputPath: site, flush: { _ in
            for path in [site, folder + "/.site.staging"] {
                observation.add((try? String(contentsOfFile: path + "/index.html", encoding: .utf8)) ?? "none")
            }
            return 0
        })
        try output.write(OutputFile(path: "index.html", text: "rewritten"))
        try output.commit()
        #expect(observation.all == ["published", "rewritten"])
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "rewritten")
    }

    @Test func aDiskThatCannotWriteTheNewSiteLeavesThePublishedOneAndNoStagingFolder() throws {
        let (folder, site) = try Self.publishedSite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = try AtomicOutput(outputPath: site, flush: { _ in EIO })
        try output.write(OutputFile(path: "index.html", text: "rewritten"))
        #expect(throws: SiteWriteError(path: folder + "/.site.staging", code: EIO)) { try output.commit() }
        output.abandon()
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "published")
        #expect(SiteSnapshot.leftovers(beside: site).isEmpty)
    }

    /// The build's error path abandons an output whose commit failed. That released the lock a
    /// second time: it removed the lock file of a build that had started since, and a third build
    /// then ran beside it.
    @Test func abandoningAFailedCommitLeavesALaterBuildsLockAndStagingFolder() throws {
        let (folder, site) = try Self.publishedSite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let failed = try AtomicOutput(outputPath: site, flush: { _ in EIO })
        try failed.write(OutputFile(path: "index.html", text: "failed"))
        #expect(throws: SiteWriteError.self) { try failed.commit() }
        let later = try AtomicOutput(outputPath: site, flush: { _ in 0 })
        try later.write(OutputFile(path: "index.html", text: "later"))
        failed.abandon()
        #expect(throws: OutputBusy.self) { _ = try AtomicOutput(outputPath: site) }
        try later.commit()
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "later")
    }
}
