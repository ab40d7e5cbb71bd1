import Foundation

/// How marketnote turns the paths people write into paths it opens.
public enum FilePath {
    /// `path` itself when absolute; otherwise `path` inside `folder` (the project folder, for
    /// every path in `marketnote.yml`).
    public static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// A command-line path, against the current folder, with `.` and `..` resolved.
    public static func fromCommandLine(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }
}
