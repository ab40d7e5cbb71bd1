import Foundation
import MarketData
@testable import Publishing
import Testing
import TestSupport

/// A folder that is there but cannot be read was read as an empty one: a cron user who could not
/// read `content/notes/` or `templates/` got a site without the editor's commentary or with the
/// shipped templates, and one who could not read `output/email/` or `output/notes/` dropped
/// published editions or notes, each with exit status 0. Each is now an error at the folder, and
/// nothing is published. The tests make the folder a link to itself (`ELOOP`), which no user,
/// root included, can list; a folder without read permission fails the same `opendir`.
@Suite struct UnreadableFoldersTests {
    private func build(_ sandbox: ProjectSandbox, _ dates: DateSelection = .latest) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output, dates: dates)).run()
    }

    /// Replaces the folder at `path` with a symbolic link to itself.
    private func makeUnreadable(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: (path as NSString).lastPathComponent)
    }

    /// The build's errors, after checking it published nothing: the site is as it was.
    private func failedBuild(_ sandbox: ProjectSandbox, _ dates: DateSelection = .latest) throws -> [Diagnostic] {
        let before = try? SiteSnapshot(of: sandbox.output)
        do {
            _ = try build(sandbox, dates)
            Issue.record("the build succeeded")
            return []
        } catch let report as DiagnosticReport {
            if let before { #expect(try SiteSnapshot(of: sandbox.output).hasSameFiles(as: before)) }
            return report.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test(arguments: ["content/notes", "content/quotes", "templates", "static"])
    func anInputFolderThatCannotBeReadIsAnErrorAtTheFolder(folder: String) throws {
        let sandbox = try ProjectSandbox()
        if folder == "static" { try sandbox.apply(.write("static/robots.txt", "User-agent: *\n")) }
        try makeUnreadable(sandbox.project + "/" + folder)
        let errors = try failedBuild(sandbox)
        #expect(errors.map(\.location.path) == [folder], "\(errors)")
        #expect(errors.first?.message == "cannot read the folder: Too many levels of symbolic links")
        #expect(!FileManager.default.fileExists(atPath: sandbox.output))
    }

    /// A README audit: a file at `content/notes` was read as no folder, and the build published
    /// the notes without their commentary.
    @Test(arguments: ["content/notes", "content/quotes", "templates", "static"])
    func aFileWhereAnInputFolderShouldBeIsAnErrorAtTheFolder(folder: String) throws {
        let sandbox = try ProjectSandbox()
        let path = sandbox.project + "/" + folder
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: path))
        let errors = try failedBuild(sandbox)
        #expect(errors.map(\.location.path) == [folder], "\(errors)")
        #expect(errors.first?.message == "cannot read the folder: Not a directory")
        #expect(errors.first?.hint?.hasPrefix("a file has the folder's name") == true)
        #expect(!FileManager.default.fileExists(atPath: sandbox.output))
    }

    @Test func aPublishedEmailFolderThatCannotBeReadStopsTheBuildInsteadOfDroppingTheEditions() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox, .range(from: SessionDate("2026-01-13"), to: SessionDate("2026-01-14")))
        try makeUnreadable(sandbox.output + "/email")
        let errors = try failedBuild(sandbox)
        #expect(errors.map(\.location.path) == [sandbox.output + "/email"], "\(errors)")
        #expect(errors.first?.message.hasPrefix("cannot read the folder: ") == true)
    }

    @Test func aListOfNotesThatCannotBeReadStopsEvenABackfillWithoutSuggestingOne() throws {
        let sandbox = try ProjectSandbox()
        _ = try build(sandbox)
        try makeUnreadable(sandbox.output + "/notes/index.json")
        for dates in [DateSelection.latest, .all] {
            let errors = try failedBuild(sandbox, dates)
            #expect(errors.map(\.message) == ["cannot read the list of published notes: Too many levels of symbolic links"])
            #expect(errors.first?.hint?.contains("--all") == false)
        }
    }

    @Test func aNotesFolderThatCannotBeReadIsNotASiteWithoutNotes() throws {
        let site = ScratchFolder.make("site")
        try FileManager.default.createSymbolicLink(atPath: site + "/notes", withDestinationPath: "notes")
        #expect(throws: UnreadableManifest(path: site + "/notes/index.json", problem: .unreadable(reason: "Too many levels of symbolic links"))) {
            try SiteManifest.read(fromSite: site)
        }
    }
}

/// `FolderEntries` lists a folder with `readdir`; `FileTree` removed trees through its first
/// version, which read every name by copying 256 bytes from a record that can be shorter
/// (AddressSanitizer: heap-buffer-overflow).
@Suite struct FolderEntriesTests {
    @Test func namesAreReadInFullAndKindsFollowLinksOnlyToFiles() throws {
        let folder = ScratchFolder.make("entries")
        let long = String(repeating: "n", count: 255)
        for subfolder in ["sub", ".dot"] { try FileManager.default.createDirectory(atPath: folder + "/" + subfolder, withIntermediateDirectories: true) }
        for (path, text) in [(long, "a"), ("a", "b"), ("sub/.hidden", "c"), ("sub/file.txt", "d"), (".dot/file", "e")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + path))
        }
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-file", withDestinationPath: "a")
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-folder", withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: "nothing")
        let entries = try #require(try FolderEntries.read(folder)).sorted { $0.name < $1.name }
        #expect(entries.map(\.name) == [".dot", "a", "dangling", long, "sub", "to-file", "to-folder"])
        #expect(entries.filter(\.isDirectory).map(\.name) == [".dot", "sub"])
        #expect(entries.filter(\.isFile).map(\.name) == ["a", long, "to-file"])
        #expect(try FolderEntries.files(under: folder, skippingHidden: true)?.sorted() == ["a", long, "sub/file.txt", "to-file"])
        #expect(try FolderEntries.files(under: folder)?.count == 6)
        #expect(try FolderEntries.read(folder + "/missing") == nil)
        do {
            _ = try FolderEntries.read(folder + "/a")
            Issue.record("a file was read as a folder")
        } catch {
            #expect(error.code == ENOTDIR)
        }
    }
}
