import Foundation
import MarketData
@testable import Publishing
import Testing
import TestSupport

/// Publishing replaces the whole output folder, so a build refuses a folder whose files are not a
/// marketnote site: `--output .` once replaced the project with its site, and `--output content`
/// the data, quotes and commentary.
@Suite struct OutputRefusalTests {
    private func build(_ sandbox: ProjectSandbox, into output: String) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: output)).run()
    }

    /// The error a build into `output` stops with, and that the folder at `kept` is unchanged.
    private func expectRefused(_ sandbox: ProjectSandbox, into output: String, keeping kept: String,
                               message: String) throws {
        let before = try SiteSnapshot(of: kept)
        #expect(!before.files.isEmpty)
        do {
            _ = try build(sandbox, into: output)
            Issue.record("a build into \(output) was not refused")
        } catch let report as DiagnosticReport {
            #expect(report.diagnostics.count == 1)
            #expect(report.diagnostics.first?.location.description == "--output \(output)")
            #expect(report.diagnostics.first?.message.hasSuffix(message) == true, "\(report.diagnostics)")
            #expect(report.diagnostics.first?.hint?.contains("output/") == true)
        }
        #expect(try SiteSnapshot(of: kept).hasSameFiles(as: before))
        #expect(SiteSnapshot.leftovers(beside: output).isEmpty)
    }

    @Test func theProjectFolderAndItsParentsAreRefused() throws {
        let sandbox = try ProjectSandbox()
        try expectRefused(sandbox, into: sandbox.project, keeping: sandbox.project,
                          message: "holds the project: publishing would replace it with the site")
        try expectRefused(sandbox, into: sandbox.project + "/./", keeping: sandbox.project,
                          message: "holds the project: publishing would replace it with the site")
        try expectRefused(sandbox, into: sandbox.folder, keeping: sandbox.project,
                          message: "holds the project: publishing would replace it with the site")
    }

    @Test func aFolderOfOtherFilesIsRefused() throws {
        let sandbox = try ProjectSandbox()
        try expectRefused(sandbox, into: sandbox.project + "/content", keeping: sandbox.project + "/content",
                          message: "holds files that are not a marketnote site: publishing would replace them")
    }

    /// An operations review: after a build as root under umask 077, the cron user could not look
    /// into `notes/`, and was told the folder "holds files that are not a marketnote site". A
    /// site file the system will not show is taken to be there; the build reports the permission.
    @Test func aSiteWhoseListCannotBeExaminedIsStillASite() throws {
        let folder = ScratchFolder.make("site")
        try Data("<html>".utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
        // `notes/index.json` cannot be examined through a link to itself (ELOOP), as through a
        // folder without search permission (EACCES).
        try FileManager.default.createSymbolicLink(atPath: folder + "/notes", withDestinationPath: "notes")
        #expect(OutputRefusal.isSite(folder))
        #expect(!OutputRefusal.isSite(ScratchFolder.make("other")))
    }

    @Test func aFileIsRefused() throws {
        let sandbox = try ProjectSandbox()
        let file = sandbox.folder + "/notes.txt"
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: file))
        do {
            _ = try build(sandbox, into: file)
            Issue.record("a build into a file was not refused")
        } catch let report as DiagnosticReport {
            #expect(report.diagnostics.map(\.message) == ["the output path is a file, not a folder"])
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "my notes")
        // Below a file, the system's words, not "Error Domain=NSPOSIXErrorDomain Code=20 …", and the
        // path that failed.
        do {
            _ = try build(sandbox, into: file + "/site")
            Issue.record("a build below a file was not stopped")
        } catch let report as DiagnosticReport {
            #expect(report.diagnostics.map(\.message) == ["cannot write the site: Not a directory (\(file)/.site.lock)"])
            #expect(report.diagnostics.first?.hint?.hasSuffix("; the published site is unchanged") == true)
        }
    }

    /// An input review: an output whose parent refused a rename printed Foundation's dump of the
    /// error ("Error Domain=NSCocoaErrorDomain Code=513 … NSDestinationFilePath=…"); it says
    /// what went wrong and the file it was.
    @Test func aFoundationErrorIsWordedWithItsFile() {
        let error = CocoaError(.fileWriteNoPermission, userInfo: ["NSDestinationFilePath": "/srv/.site.retired"])
        let message = BuildPipeline.systemMessage(error)
        #expect(!message.contains("Error Domain") && message.hasSuffix(" (/srv/.site.retired)"), "\(message)")
        #expect(BuildPipeline.systemMessage(POSIXError(.ENOTDIR)) == "Not a directory")
    }

    /// A new or empty folder, or a site marketnote published (even one whose list of notes was
    /// lost), is published into as before.
    @Test func aNewOrEmptyFolderOrAnEarlierSiteIsPublishedInto() throws {
        let sandbox = try ProjectSandbox()
        try FileManager.default.createDirectory(atPath: sandbox.output, withIntermediateDirectories: true)
        #expect(try build(sandbox, into: sandbox.output).notes == 1)
        #expect(try build(sandbox, into: sandbox.output).notes == 1)
        try FileManager.default.removeItem(atPath: sandbox.output + "/notes/index.json")
        #expect(OutputRefusal(outputPath: sandbox.output, projectRoot: sandbox.project) == nil)
        #expect(try build(sandbox, into: sandbox.folder + "/new/site").notes == 1)
    }

    /// A link named as the output (`output -> /var/www/site`) was replaced by the site's folder at
    /// the swap, so the web root it named stopped changing while every build reported success.
    @Test func aLinkedOutputFolderIsPublishedIntoAndStaysALink() throws {
        let sandbox = try ProjectSandbox()
        let root = sandbox.folder + "/www/site"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.output, withDestinationPath: "www/site")
        for _ in 1...2 {
            #expect(try build(sandbox, into: sandbox.output).notes == 1)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.output) == "www/site")
            #expect(FileManager.default.fileExists(atPath: root + "/notes/index.json"))
            #expect(SiteSnapshot.leftovers(beside: root).isEmpty)
        }
    }

    /// What a link names is what the refusal looks at.
    @Test func aLinkToTheProjectIsRefused() throws {
        let sandbox = try ProjectSandbox()
        let link = sandbox.folder + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.project)
        try expectRefused(sandbox, into: link, keeping: sandbox.project,
                          message: "holds the project: publishing would replace it with the site")
    }
}
