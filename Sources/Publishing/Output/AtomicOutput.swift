import CFileSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a site into `output/` all at once: files are written to a staging folder beside it,
/// then the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)`. A build that fails or
/// is killed leaves the previous `output/` exactly as it was. A file whose bytes did not change is
/// hard-linked from the previous site instead of rewritten, so it keeps its inode and timestamp.
public struct AtomicOutput {
    public let outputPath: String
    private let stagingPath: String
    private let retiredPath: String
    private var createdDirectories: Set<String> = []
    public private(set) var unchanged = 0
    public private(set) var written = 0

    public init(outputPath: String) throws {
        let url = URL(fileURLWithPath: outputPath).standardizedFileURL
        self.outputPath = url.path
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        stagingPath = parent + "/.\(name).staging"
        retiredPath = parent + "/.\(name).retired"
        try Self.removeIfPresent(stagingPath)
        try Self.removeIfPresent(retiredPath)
        try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
        createdDirectories.insert(stagingPath)
    }

    /// Writes one file into the staging folder.
    public mutating func write(_ file: OutputFile) throws {
        let target = stagingPath + "/" + file.path
        let directory = (target as NSString).deletingLastPathComponent
        if !createdDirectories.contains(directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            createdDirectories.insert(directory)
        }
        let previous = outputPath + "/" + file.path
        if Self.hasSameBytes(previous, file.bytes), link(previous, target) == 0 {
            unchanged += 1
            return
        }
        try Self.writeBytes(file.bytes, to: target)
        written += 1
    }

    /// Keeps a folder of the previous site as it is (hard links, nothing is copied or rewritten).
    public mutating func keep(directory: String, from previousSite: String) throws {
        let source = previousSite + "/" + directory
        guard let enumerator = FileManager.default.enumerator(atPath: source) else { return }
        while let name = enumerator.nextObject() as? String {
            let relative = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard OutputFile.isSafe(relative) else { continue }
            try keepFile(relative, from: previousSite)
        }
    }

    /// Keeps the files of `folder` in the previous site whose names start with `prefix`.
    public mutating func keepFiles(withPrefix prefix: String, in folder: String, from previousSite: String) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: previousSite + "/" + folder)) ?? []
        for name in names where name.hasPrefix((prefix as NSString).lastPathComponent) {
            try keepFile(folder + "/" + name, from: previousSite)
        }
    }

    private mutating func keepFile(_ relative: String, from previousSite: String) throws {
        let source = previousSite + "/" + relative
        var info = stat()
        guard lstat(source, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        let target = stagingPath + "/" + relative
        guard !FileManager.default.fileExists(atPath: target) else { return }
        let directory = (target as NSString).deletingLastPathComponent
        if !createdDirectories.contains(directory) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            createdDirectories.insert(directory)
        }
        if link(source, target) != 0 {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
        unchanged += 1
    }

    /// Swaps the staging folder in and removes the old site.
    public func commit() throws {
        if FileManager.default.fileExists(atPath: outputPath) {
            let status = marketnote_exchange_paths(stagingPath, outputPath)
            if status != 0 {
                // Without RENAME_EXCHANGE (an old kernel or an exotic file system): two renames.
                try FileManager.default.moveItem(atPath: outputPath, toPath: retiredPath)
                try FileManager.default.moveItem(atPath: stagingPath, toPath: outputPath)
                try Self.removeIfPresent(retiredPath)
                return
            }
            try Self.removeIfPresent(stagingPath)
        } else {
            try FileManager.default.moveItem(atPath: stagingPath, toPath: outputPath)
        }
    }

    /// Drops the staging folder after a failed build.
    public func abandon() {
        try? Self.removeIfPresent(stagingPath)
    }

    static func removeIfPresent(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }

    static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return bytes.isEmpty }
        return data.elementsEqual(bytes)
    }

    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += count
        }
    }
}
