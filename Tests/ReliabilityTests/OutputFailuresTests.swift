import Foundation
import MarketData
@testable import Publishing
import Testing
import TestSupport

/// A failure on the output said "cannot write the site: Permission denied" at the output folder,
/// with a hint about its parent, whatever failed where (OutputRefusalTests checks the path it now
/// names); and a record that could not be written (a full disk) was passed over in silence. The
/// hint now says what to do for the cause; the record's failure is a warning.
@Suite struct OutputFailuresTests {
    @Test func eachCauseHasItsOwnRemedy() {
        let remedies = [EACCES, ENOSPC, EROFS, EMFILE, EIO].map { SiteWriteError(path: "/srv/site", code: $0).remedy }
        #expect(Set(remedies).count == remedies.count)
        #expect(remedies[0].contains("another user (such as root)"))
        #expect(remedies[1].contains("disk is full"))
        #expect(remedies[4].contains("the disk reported an error"))
    }

    @Test func aRecordThatCannotBeWrittenIsAWarningOnAPublishedSite() throws {
        let sandbox = try ProjectSandbox()
        // The record's temporary file cannot be created where a folder has its name.
        try FileManager.default.createDirectory(atPath: sandbox.folder + "/.site.publication.tmp/blocked", withIntermediateDirectories: true)
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/index.html"))
        let warnings = summary.warnings.filter { $0.message.hasPrefix("the site is published, but the record of its files could not be written") }
        #expect(warnings.map(\.location.path) == [sandbox.folder + "/.site.publication.tmp"], "\(summary.warnings)")
    }
}
