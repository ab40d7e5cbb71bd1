/// One file of the published site, by its path below `output/`.
public struct OutputFile: Sendable {
    /// Relative path with `/` separators, never absolute, never containing `..`.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        precondition(OutputFile.isSafe(path), "unsafe output path \(path)")
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A relative path of plain segments: no empty, `.` or `..` segment, no backslash or NUL.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".."
        }
    }
}
