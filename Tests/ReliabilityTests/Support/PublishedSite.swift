import Foundation
import Publishing
import TestSupport

/// A site already published from the sample project, built once per test run, that tests copy
/// into an output folder to check that a failed build leaves it exactly as it was.
enum PublishedSite {
    static let sample: String = {
        let folder = ScratchFolder.make("published")
        let site = folder + "/site"
        do {
            _ = try BuildPipeline(options: BuildOptions(projectRoot: ProjectSandbox.repositoryRoot, outputPath: site)).run()
        } catch {
            fatalError("the sample project does not build: \(error)")
        }
        return site
    }()

    /// Copies the sample site to `folder`, keeping modification times.
    static func copySample(to folder: String) throws {
        try FileManager.default.copyItem(atPath: sample, toPath: folder)
    }
}
