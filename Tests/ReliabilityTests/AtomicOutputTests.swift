import Foundation
import Publishing
import TestSupport
import Testing

/// The published site changes only at the swap, whatever happens before it.
@Suite struct AtomicOutputTests {
    @Test func writingAPathTwiceLeavesThePublishedFileAsItWasUntilTheSwap() throws {
        let folder = ScratchFolder.make("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = folder + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try Data("published".utf8).write(to: URL(fileURLWithPath: site + "/index.html"))

        let output = try AtomicOutput(outputPath: site)
        try output.write(OutputFile(path: "index.html", text: "published"))  // unchanged: linked to the site's file
        try output.write(OutputFile(path: "index.html", text: "rewritten"))
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "published")
        try output.commit()
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "rewritten")
        #expect(SiteSnapshot.leftovers(beside: site).isEmpty)
    }

    /// An operations review: the web root's mode and group alternated between the published
    /// folder's and 0755 on every build, as the swap put the staging folder or the spare in its
    /// place. The mode is kept, but its owner keeps full rights: the folder the swap retires comes
    /// back as the next build's staging folder, and a build as a user other than root stopped at a
    /// 0555 one.
    @Test(arguments: [(0o2750, 0o2750), (0o555, 0o755)])
    func theOutputFolderKeepsItsModeThroughEverySwapWithFullRightsForItsOwner(set: Int, kept: Int) throws {
        let site = ScratchFolder.make("atomic") + "/site"
        for build in 1...3 {
            let output = try AtomicOutput(outputPath: site)
            try output.write(OutputFile(path: "index.html", text: "build \(build)"))
            try output.commit()
            var info = stat()
            if build == 1 { chmod(site, mode_t(set)) } else { #expect(stat(site, &info) == 0 && Int(info.st_mode & 0o7777) == kept, "build \(build)") }
        }
    }

    @Test func aSiteRetiredByAnInterruptedFallbackSwapIsPutBack() throws {
        let folder = ScratchFolder.make("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = folder + "/site"
        // Killed between the two renames of a swap without RENAME_EXCHANGE: no site, a retired one.
        try FileManager.default.createDirectory(atPath: folder + "/.site.retired", withIntermediateDirectories: true)
        try Data("published".utf8).write(to: URL(fileURLWithPath: folder + "/.site.retired/index.html"))
        try FileManager.default.createDirectory(atPath: folder + "/.site.staging", withIntermediateDirectories: true)

        let output = try AtomicOutput(outputPath: site)
        output.abandon()
        #expect(try String(contentsOfFile: site + "/index.html", encoding: .utf8) == "published")
        #expect(SiteSnapshot.leftovers(beside: site).isEmpty)
    }
}

@Suite struct OutputLockTests {
    @Test func aSecondBuildPublishingToTheSameFolderStopsInsteadOfMixingSites() throws {
        let parent = ScratchFolder.make("lock")
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let first = try AtomicOutput(outputPath: parent + "/output")
        #expect(throws: OutputBusy.self) { _ = try AtomicOutput(outputPath: parent + "/output") }
        first.abandon()
        let again = try AtomicOutput(outputPath: parent + "/output")
        again.abandon()
    }
}
