import Foundation

/// Folders a test run writes in, all under one parent that is removed when the test process
/// exits, so that a run leaves nothing behind in the temporary directory.
public enum ScratchFolder {
    private static let parent: String = {
        let path = NSTemporaryDirectory() + "marketnote-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        // A closure that captures nothing is a C function.
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.parent) }
        return path
    }()

    /// A new empty folder whose name starts with `name`.
    public static func make(_ name: String) -> String {
        let path = parent + "/\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
