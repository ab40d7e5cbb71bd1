import Foundation
import MarketData
import Publishing
import Testing

/// A build that starts from the spare (the site before the last build, brought up to date from
/// the publication record) publishes exactly what a build from an empty staging folder publishes,
/// and falls back to the empty folder whenever the record does not vouch for what is on disk.
@Suite(.serialized) struct DailyBuildTests {
    /// Daily builds across a month's end: the first note of January moves November out of
    /// `feed.xml` into an archive document and gives October's document a new `next-archive`.
    static let days = ["2025-12-30", "2025-12-31", "2026-01-02", "2026-01-05"].map { SessionDate($0)! }
    static let history = DateSelection.range(from: SessionDate("2025-10-20"), to: SessionDate("2025-12-29"))

    /// Builds `dates` into `output`; with `forgetting`, the spare and record are removed first,
    /// so the build starts from an empty staging folder (the path every other test proves).
    @discardableResult
    static func build(_ sandbox: ProjectSandbox, _ output: String, _ dates: DateSelection, forgetting: Bool,
                      emailForEveryNote: Bool = false) throws -> BuildSummary {
        if forgetting {
            let parent = (output as NSString).deletingLastPathComponent
            for name in SiteSnapshot.everything(beside: output) { try FileManager.default.removeItem(atPath: parent + "/" + name) }
        }
        return try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: output, dates: dates,
                                                       emailForEveryNote: emailForEveryNote)).run()
    }

    @Test func dailyBuildsFromTheSpareGiveTheSameSiteAsBuildsFromAnEmptyFolder() throws {
        let sandbox = try ProjectSandbox()
        let fast = sandbox.folder + "/fast/site", reference = sandbox.folder + "/reference/site"
        for output in [fast, reference] { try Self.build(sandbox, output, Self.history, forgetting: true) }
        var spareBuilds = 0
        // Each day adds a note, then a template and the configuration change, which every page shows.
        let steps: [(String, () throws -> Void)] = Self.days.map { day in (day.description, {}) } + [
            ("a changed archive template", { try sandbox.apply(.replace("templates/archive.html", "{{name}}</time></h1>", with: "{{name}}</time></h1><!-- edited -->")) }),
            ("a changed site title", { try sandbox.apply(.replace("marketnote.yml", "title: The Small-Cap Desk", with: "title: The Small-Cap Room")) }),
        ]
        for (position, (name, change)) in steps.enumerated() {
            try change()
            let dates = position < Self.days.count ? DateSelection.single(Self.days[position]) : .single(Self.days.last!)
            let summary = try Self.build(sandbox, fast, dates, forgetting: false)
            try Self.build(sandbox, reference, dates, forgetting: true)
            if summary.startedFromSpare { spareBuilds += 1 }
            let differences = try SiteSnapshot(of: fast).differences(from: SiteSnapshot(of: reference))
            #expect(differences.isEmpty, "after \(name): \(differences.prefix(5))")
            #expect(SiteSnapshot.leftovers(beside: fast).isEmpty, "after \(name)")
        }
        let archive = try String(contentsOfFile: fast + "/archive/2025/12/index.html", encoding: .utf8)
        #expect(archive.contains("<!-- edited -->") && archive.contains("The Small-Cap Room"))
        // The first build after the history has a record but no spare yet; every later one has both.
        #expect(spareBuilds == steps.count - 1)
    }

    /// Nothing a note says depends on when it was written: a site built one session at a time, as
    /// the price files gain each day's rows, is the site one build over the final files publishes,
    /// byte for byte. Each note is written again the next day (its "Next note" link), so its facts
    /// and email edition are also compared as its own day's build first wrote them.
    @Test func aSiteBuiltDayByDayAsThePricesArriveIsTheSiteOneBuildPublishesLater() throws {
        let sandbox = try ProjectSandbox()
        let daily = sandbox.folder + "/daily/site", atOnce = sandbox.folder + "/at-once/site"
        try Self.keepPrices(sandbox, through: SessionDate("2025-12-29")!)
        try Self.build(sandbox, daily, Self.history, forgetting: false)
        var firstWritten: [String: Data] = [:]
        for day in Self.days {
            try Self.keepPrices(sandbox, through: day)
            try Self.build(sandbox, daily, .latest, forgetting: false)
            let written = try SiteSnapshot(of: daily).files.filter { $0.key.hasPrefix("notes/\(day)/facts") || $0.key.hasPrefix("email/\(day).") }
            firstWritten.merge(written) { first, _ in first }
        }
        try Self.build(sandbox, atOnce, .range(from: SessionDate("2025-10-20"), to: nil), forgetting: false, emailForEveryNote: true)
        let dailySite = try SiteSnapshot(of: daily), siteAtOnce = try SiteSnapshot(of: atOnce)
        // The build at once writes every note's editions; the daily site has those of its builds.
        let differences = dailySite.differences(from: siteAtOnce).filter { !$0.hasPrefix("email/") || dailySite.files[$0] != nil }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        #expect(firstWritten.count == 4 * Self.days.count)
        let firstDifferences = firstWritten.filter { siteAtOnce.files[$0.key] != $0.value }.keys.sorted()
        #expect(firstDifferences.isEmpty, "\(firstDifferences.prefix(5))")
    }

    /// The project's price files cut after `day`, as they stood that evening.
    static func keepPrices(_ sandbox: ProjectSandbox, through day: SessionDate) throws {
        for symbol in ["IWM", "SPY", "MAGS"] {
            let file = "content/data/\(symbol).csv"
            let lines = try String(contentsOfFile: ProjectSandbox.repositoryRoot + "/" + file, encoding: .utf8).split(separator: "\n")
            let kept = lines.prefix(1) + lines.dropFirst().filter { SessionDate(String($0.prefix(10)))! <= day }
            try sandbox.apply(.write(file, kept.joined(separator: "\n") + "\n"))
        }
    }

    @Test func aSiteReplacedBehindTheRecordsBackIsBuiltFromAnEmptyFolder() throws {
        let sandbox = try ProjectSandbox()
        let output = sandbox.folder + "/site"
        try Self.build(sandbox, output, Self.history, forgetting: true)
        try Self.build(sandbox, output, .single(Self.days[0]), forgetting: false)
        // Someone restores the site from a copy: every file is new, so the record describes another site.
        let copy = sandbox.folder + "/copy"
        try FileManager.default.copyItem(atPath: output, toPath: copy)
        try FileManager.default.removeItem(atPath: output)
        try FileManager.default.moveItem(atPath: copy, toPath: output)
        try FileManager.default.removeItem(atPath: output + "/archive/2025/12/index.html")
        let summary = try Self.build(sandbox, output, .single(Self.days[1]), forgetting: false)
        #expect(!summary.startedFromSpare)

        let reference = sandbox.folder + "/reference/site"
        try Self.build(sandbox, reference, Self.history, forgetting: true)
        for day in Self.days.prefix(2) { try Self.build(sandbox, reference, .single(day), forgetting: true) }
        let differences = try SiteSnapshot(of: output).differences(from: SiteSnapshot(of: reference))
        #expect(differences.isEmpty, "\(differences.prefix(5))")
        // The site the record did not describe was removed, not kept as a spare; the next build
        // keeps the one it replaces, and the one after starts from it.
        #expect(try !Self.build(sandbox, output, .single(Self.days[2]), forgetting: false).startedFromSpare)
        #expect(try Self.build(sandbox, output, .single(Self.days[3]), forgetting: false).startedFromSpare)
    }

    @Test func aBuildThatFailsBeforeWritingKeepsTheSpareForTheNextOne() throws {
        let sandbox = try ProjectSandbox()
        let output = sandbox.folder + "/site"
        try Self.build(sandbox, output, Self.history, forgetting: true)
        try Self.build(sandbox, output, .single(Self.days[0]), forgetting: false)
        #expect(throws: DiagnosticReport.self) {
            try Self.build(sandbox, output, .single(SessionDate("2026-01-17")!), forgetting: false)  // a Saturday
        }
        #expect(SiteSnapshot.leftovers(beside: output).isEmpty)
        #expect(try Self.build(sandbox, output, .single(Self.days[1]), forgetting: false).startedFromSpare)
    }

    /// Without its list of notes a daily build would publish a site of one note; it stops instead,
    /// and names the file and the backfill that writes the list again.
    @Test func aMissingOrDamagedListOfNotesStopsADailyBuildAndLeavesTheSite() throws {
        let sandbox = try ProjectSandbox()
        let output = sandbox.folder + "/site", list = output + "/notes/index.json"
        try Self.build(sandbox, output, Self.history, forgetting: true)
        for damage in ["damaged", "missing"] {
            if damage == "missing" { try FileManager.default.removeItem(atPath: list) } else {
                try Data("{\"notes\": [".utf8).write(to: URL(fileURLWithPath: list))
            }
            let before = try SiteSnapshot(of: output)
            let error = try #require(throws: DiagnosticReport.self) {
                try Self.build(sandbox, output, .single(Self.days[0]), forgetting: false)
            }
            #expect("\(error)".contains(list + ":1:1: error:") && "\(error)".contains("marketnote build --all"), "\(damage): \(error)")
            #expect(try SiteSnapshot(of: output).hasSameFiles(as: before), "\(damage)")
            #expect(SiteSnapshot.leftovers(beside: output).isEmpty, "\(damage)")
        }
    }

    @Test(.enabled(if: MarketNoteCommand.binary != nil, "needs the marketnote binary beside the tests"))
    func killedDailyBuildLeavesTheOldSiteOrTheNewOneAndTheNextBuildIsRight() throws {
        let binary = try #require(MarketNoteCommand.binary)
        let sandbox = try ProjectSandbox()
        let output = sandbox.output, parent = sandbox.folder
        try Self.build(sandbox, output, Self.history, forgetting: true)
        try Self.build(sandbox, output, .single(Self.days[0]), forgetting: false)
        let base = parent + "/base"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        for name in ["site"] + SiteSnapshot.everything(beside: output) {
            try Self.linkCopy(from: parent + "/" + name, to: base + "/" + name)
        }
        let old = try SiteSnapshot(of: output)
        let request = BuildRequest(project: sandbox.project, output: output, dates: .single(Self.days[1]))
        _ = try RunningBuild(binary, request).wait()
        let new = try SiteSnapshot(of: output)
        var outcomes: [String: Int] = [:]
        let newNote = "/notes/\(Self.days[1])/index.html"
        let points: [(String, (UInt64) -> Bool)] = [
            ("at once", { _ in true }),
            ("when the record is taken away", { _ in !FileManager.default.fileExists(atPath: parent + "/.site.publication") }),
            ("when the spare becomes the staging folder", { _ in FileManager.default.fileExists(atPath: parent + "/.site.staging") }),
            ("when the new note is staged", { _ in FileManager.default.fileExists(atPath: parent + "/.site.staging" + newNote) }),
            ("when the new manifest is staged", { _ in
                (try? Data(contentsOf: URL(fileURLWithPath: parent + "/.site.staging/notes/index.json")))
                    .map { String(decoding: $0, as: UTF8.self).contains(Self.days[1].description) } ?? false }),
            ("right after the swap", { outputIdentity in (try? Self.identity(of: output)) != outputIdentity }),
            ("when the spare is back", { outputIdentity in
                (try? Self.identity(of: output)) != outputIdentity && FileManager.default.fileExists(atPath: parent + "/.site.spare") }),
        ]
        for (name, reached) in points + points {
            // The state after yesterday's build: the site, its spare and the record, hard-linked as a build leaves them.
            for entry in ["site"] + SiteSnapshot.everything(beside: output) { try FileManager.default.removeItem(atPath: parent + "/" + entry) }
            for entry in try FileManager.default.contentsOfDirectory(atPath: base) {
                try Self.linkCopy(from: base + "/" + entry, to: parent + "/" + entry)
            }
            let outputIdentity = try Self.identity(of: output)
            let build = try RunningBuild(binary, request)
            while build.isRunning && !reached(outputIdentity) { usleep(100) }
            build.kill()
            _ = try build.wait()
            let site = try SiteSnapshot(of: output)
            let isOld = site.hasSameFiles(as: old), isNew = site.hasSameFiles(as: new)
            #expect(isOld || isNew, "killed \(name): \(site.differences(from: new).prefix(5))")
            if !isOld && !isNew { break }
            outcomes[isNew ? "new" : "old", default: 0] += 1
            let next = try RunningBuild(binary, request).wait()
            #expect(next.status == 0, "the build after a kill \(name) failed: \(next.stderr)")
            #expect(try SiteSnapshot(of: output).hasSameFiles(as: new), "after a kill \(name)")
            #expect(SiteSnapshot.leftovers(beside: output).isEmpty, "after a kill \(name)")
        }
        #expect(outcomes.values.reduce(0, +) == points.count * 2, "\(outcomes)")
        #expect(outcomes["old", default: 0] >= 4 && outcomes["new", default: 0] >= 2, "kills by outcome: \(outcomes)")
    }

    /// The folder's inode: it changes when the staging folder is swapped in.
    static func identity(of folder: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: folder)[.systemFileNumber] as? UInt64)
    }

    /// `cp -al`: folders made anew, files hard-linked, so that their stamps (inode, size and
    /// modification time) stay those the publication record names. Builds never write into a file
    /// in place, so the copies never change each other.
    static func linkCopy(from source: String, to target: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            guard link(source, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return
        }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) {
            try linkCopy(from: source + "/" + name, to: target + "/" + name)
        }
    }
}
