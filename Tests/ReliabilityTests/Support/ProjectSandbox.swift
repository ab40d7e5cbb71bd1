import Foundation
import TestSupport

/// A throwaway copy of the sample project (the repository root) that a test may break.
final class ProjectSandbox: Sendable {
    /// The repository root, found from this file's path.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("marketnote.yml").path) { return url.path }
        }
        fatalError("no marketnote.yml above \(#filePath)")
    }()

    /// The folder holding the project and anything else the test creates (an output folder).
    let folder: String
    var project: String { folder + "/project" }
    /// Where builds of this sandbox publish.
    var output: String { folder + "/site" }

    init() throws {
        folder = ScratchFolder.make("sandbox")
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        for item in ["marketnote.yml", "content", "templates"] {
            try FileManager.default.copyItem(atPath: Self.repositoryRoot + "/" + item, toPath: project + "/" + item)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func apply(_ change: FileChange) throws {
        let path = project + "/" + change.path
        switch change.action {
        case .write(let bytes):
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .edit(let transform):
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data(transform(text).utf8).write(to: URL(fileURLWithPath: path))
        case .remove:
            try FileManager.default.removeItem(atPath: path)
        }
    }
}

/// One change to a file of the sample project, by its path in the project.
struct FileChange: Sendable {
    enum Action: Sendable {
        case write([UInt8])
        case edit(@Sendable (String) -> String)
        case remove
    }

    let path: String
    let action: Action

    static func write(_ path: String, _ text: String) -> FileChange { FileChange(path: path, action: .write(Array(text.utf8))) }
    static func write(_ path: String, bytes: [UInt8]) -> FileChange { FileChange(path: path, action: .write(bytes)) }
    static func remove(_ path: String) -> FileChange { FileChange(path: path, action: .remove) }
    static func edit(_ path: String, _ transform: @escaping @Sendable (String) -> String) -> FileChange {
        FileChange(path: path, action: .edit(transform))
    }

    /// Replaces exactly one occurrence of `old` (a test whose anchor text is gone must fail loudly).
    static func replace(_ path: String, _ old: String, with new: String) -> FileChange {
        edit(path) { text in
            precondition(text.components(separatedBy: old).count == 2, "'\(old)' is not in \(path) exactly once")
            return text.replacingOccurrences(of: old, with: new)
        }
    }
}
