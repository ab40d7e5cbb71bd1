import Foundation
import MarketData
import Publishing
import Testing

/// A build killed at any moment (SIGKILL: no clean-up code runs) leaves `output/` holding either
/// the complete old site or the complete new one, never a mix; the next build succeeds and
/// removes what the killed one left behind.
@Suite(.serialized) struct KilledBuildTests {
    /// When a kill is sent: after a delay, or as soon as the build reaches a point of its work
    /// (so that kills land in every phase however loaded the machine is).
    enum KillPoint: CustomStringConvertible {
        case after(Duration)
        /// The staging folder appears: the build has loaded and analyzed, and renders notes.
        case stagingCreated
        /// The staging folder holds this many note folders (new notes, then the kept old ones).
        case notesStaged(Int)
        /// The staging folder holds the note index, the last file written before the swap.
        case stagingComplete
        /// `output/` is another folder: the swap happened, the old site is being removed.
        case swapped

        var description: String {
            switch self {
            case .after(let delay): return "after \(delay)"
            case .stagingCreated: return "when staging starts"
            case .notesStaged(let count): return "after staging \(count) notes"
            case .stagingComplete: return "just before the swap"
            case .swapped: return "right after the swap"
            }
        }
    }

    /// Where the build was when it died, read from what it left on disk.
    enum Phase: String, CaseIterable {
        case loading = "before writing anything"
        case writing = "while writing the staging folder"
        case removingOldSite = "after the swap, while removing the old site"
        case finished = "after it finished"
    }

    /// A backfill of about 70 notes over a site of about 65 others: long enough to kill in every
    /// phase, short enough to do it two dozen times.
    static let backfill = DateSelection.range(from: SessionDate("2025-10-01"), to: SessionDate("2026-01-15"))
    static let oldSiteDates = DateSelection.range(from: SessionDate("2025-07-01"), to: SessionDate("2025-09-30"))

    @Test(.enabled(if: MarketNoteCommand.binary != nil, "needs the marketnote binary beside the tests"))
    func killedBackfillLeavesTheOldSiteOrTheNewOneAndTheNextBuildCleansUp() throws {
        let binary = try #require(MarketNoteCommand.binary)
        let sandbox = try ProjectSandbox()
        let sites = try OldAndNewSites(sandbox, binary: binary)
        let noteFolders = Set(sites.new.files.keys.compactMap { path -> Substring? in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[0] == "notes" ? parts[1] : nil
        }).count
        let points = [0, 50, 200].map { KillPoint.after(.milliseconds($0)) }
            + (0..<10).map { KillPoint.notesStaged(1 + $0 * (noteFolders - 1) / 9) }
            + [KillPoint.stagingCreated, .stagingComplete, .swapped].flatMap { Array(repeating: $0, count: 4) }
        var phases: [Phase: Int] = [:]
        for point in points {
            try sites.resetOutputToOldSite()
            let build = try RunningBuild(binary, sites.request)
            let outputFolder = try Self.identity(of: sandbox.output)
            try Self.wait(for: point, build, sandbox.output, outputFolder: outputFolder)
            build.kill()
            _ = try build.wait()
            let swapped = try Self.identity(of: sandbox.output) != outputFolder
            let leftovers = SiteSnapshot.leftovers(beside: sandbox.output)
            let phase: Phase = swapped ? (leftovers.isEmpty ? .finished : .removingOldSite) : (leftovers.isEmpty ? .loading : .writing)
            phases[phase, default: 0] += 1

            let site = try SiteSnapshot(of: sandbox.output)
            let expected = swapped ? sites.new : sites.old
            #expect(site.hasSameFiles(as: expected), "killed \(point), \(phase.rawValue): \(site.differences(from: expected).prefix(5))")
            if !leftovers.isEmpty {
                let next = try RunningBuild(binary, sites.request).wait()
                #expect(next.status == 0, "the build after a kill \(point) failed: \(next.stderr)")
                #expect(try SiteSnapshot(of: sandbox.output).hasSameFiles(as: sites.new), "after a kill \(point)")
                #expect(SiteSnapshot.leftovers(beside: sandbox.output).isEmpty, "after a kill \(point)")
            }
        }
        #expect(phases.values.reduce(0, +) == points.count)
        #expect(phases[.writing, default: 0] >= 3, "kills by phase: \(phases)")
        #expect(phases[.removingOldSite, default: 0] + phases[.finished, default: 0] >= 3, "kills by phase: \(phases)")
    }

    /// Polls the file system until the build reaches `point` (or ends).
    private static func wait(for point: KillPoint, _ build: RunningBuild, _ output: String, outputFolder: UInt64) throws {
        let staging = (output as NSString).deletingLastPathComponent + "/." + (output as NSString).lastPathComponent + ".staging"
        let clock = ContinuousClock()
        let start = clock.now
        while build.isRunning {
            switch point {
            case .after(let delay):
                if clock.now - start >= delay { return }
            case .stagingCreated:
                if FileManager.default.fileExists(atPath: staging) { return }
            case .notesStaged(let count):
                let staged = (try? FileManager.default.contentsOfDirectory(atPath: staging + "/notes"))?.count ?? 0
                if staged >= count { return }
            case .stagingComplete:
                if FileManager.default.fileExists(atPath: staging + "/" + SiteManifest.path) { return }
            case .swapped:
                if try identity(of: output) != outputFolder { return }
            }
            usleep(100)
        }
    }

    /// The folder's inode: it changes when the staging folder is swapped in.
    private static func identity(of folder: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: folder)[.systemFileNumber] as? UInt64)
    }
}

/// The two complete sites a killed build may leave: the old one (a different site: another
/// title, other notes) and the one the backfill publishes over it.
struct OldAndNewSites {
    let output: String
    let request: BuildRequest
    let old: SiteSnapshot
    let new: SiteSnapshot
    private let oldSite: String

    init(_ sandbox: ProjectSandbox, binary: String) throws {
        output = sandbox.output
        oldSite = sandbox.folder + "/old-site"
        let oldProject = try ProjectSandbox()
        try oldProject.apply(.replace(Sample.config, "title: The Small-Cap Desk", with: "title: The Old Desk"))
        _ = try BuildPipeline(options: BuildOptions(
            projectRoot: oldProject.project, outputPath: oldSite,
            dates: KilledBuildTests.oldSiteDates)).run()
        old = try SiteSnapshot(of: oldSite)

        request = BuildRequest(project: sandbox.project, output: output, dates: KilledBuildTests.backfill)
        try FileManager.default.copyItem(atPath: oldSite, toPath: output)
        let result = try RunningBuild(binary, request).wait()
        guard result.status == 0 else { throw BuildFailure(stderr: result.stderr) }
        new = try SiteSnapshot(of: output)
    }

    /// Puts the old site back in `output`, and removes anything a previous build left beside it.
    func resetOutputToOldSite() throws {
        let parent = (output as NSString).deletingLastPathComponent
        for name in SiteSnapshot.everything(beside: output) { try FileManager.default.removeItem(atPath: parent + "/" + name) }
        if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
        try FileManager.default.copyItem(atPath: oldSite, toPath: output)
    }

    struct BuildFailure: Error {
        let stderr: String
    }
}
