import Foundation
import MarketData
import Publishing
import TestSupport
import Testing

/// The same inputs give byte-identical output: run after run (each process hashes with its own
/// random seed, so an unordered dictionary walk would show), and whatever the thread count.
@Suite struct DeterministicOutputTests {
    /// A year of sessions (about 260 notes), with email editions for each.
    static let backfill = DateSelection.range(from: SessionDate("2025-01-02"), to: SessionDate("2026-01-15"))

    @Test func buildsRunTwiceAndWithOneOrFourThreadsAreByteIdentical() throws {
        let folder = ScratchFolder.make("deterministic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var sites: [(name: String, snapshot: SiteSnapshot)] = []
        for (name, jobs) in [("--jobs 1", 1), ("--jobs 1, again", 1), ("--jobs 4", 4)] {
            let output = folder + "/site-\(sites.count)"
            let request = BuildRequest(project: ProjectSandbox.repositoryRoot, output: output, dates: Self.backfill,
                                       jobs: jobs, emailForEveryNote: true)
            let result = try MarketNoteCommand.build(request)
            try #require(result.status == 0, "\(result.stderr)")
            sites.append((name, try SiteSnapshot(of: output)))
        }
        let first = sites[0].snapshot
        #expect(first.files.keys.filter { $0.hasPrefix("email/") && $0.hasSuffix(".eml") }.count >= 250)
        for (name, snapshot) in sites.dropFirst() {
            let differences = snapshot.differences(from: first)
            #expect(differences.isEmpty, "\(name) differs from --jobs 1 in \(differences.count) files: \(differences.prefix(5))")
        }
    }

    @Test func rebuildingUnchangedInputsRewritesNoFile() throws {
        let folder = ScratchFolder.make("rebuild")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let request = BuildRequest(project: ProjectSandbox.repositoryRoot, output: folder + "/site",
                                   dates: .range(from: SessionDate("2025-12-01"), to: SessionDate("2026-01-15")))
        try #require(try MarketNoteCommand.build(request).status == 0)
        let first = try SiteSnapshot(of: request.output)
        try #require(try MarketNoteCommand.build(request).status == 0)
        let second = try SiteSnapshot(of: request.output)
        let rewritten = second.modificationDates.keys.filter { second.modificationDates[$0] != first.modificationDates[$0] }.sorted()
        #expect(second.differences(from: first).isEmpty)
        #expect(rewritten.isEmpty, "rewritten with the same bytes: \(rewritten.prefix(5))")
    }
}
