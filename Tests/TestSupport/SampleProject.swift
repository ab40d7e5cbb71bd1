import Foundation
import MarketData
import Publishing

/// The sample project at the repository root, built into temporary folders.
public enum SampleProject {
    /// The repository root, found from this file's path.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("marketnote.yml").path) { return url.path }
        }
        fatalError("no marketnote.yml above \(#filePath)")
    }()

    /// Copies the sample project (config, content, templates) so a test can alter it.
    public static func copy() throws -> String {
        let target = ScratchFolder.make("project")
        for item in ["marketnote.yml", "content", "templates"] {
            try FileManager.default.copyItem(atPath: root + "/" + item, toPath: target + "/" + item)
        }
        return target
    }

    /// Builds `project` into a fresh output folder and returns it.
    @discardableResult
    public static func build(project: String = root, dates: DateSelection = .latest, output: String? = nil) throws -> String {
        let output = output ?? ScratchFolder.make("output") + "/site"
        _ = try BuildPipeline(options: BuildOptions(projectRoot: project, outputPath: output, dates: dates)).run()
        return output
    }

    public static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
