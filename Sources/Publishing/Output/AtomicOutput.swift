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
        lockPath = parent + "/.\(name).lock"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        lockDescriptor = try Self.lock(lockPath, for: self.outputPath)
        try Self.recoverRetiredSite(retiredPath, to: self.outputPath)
        try Self.removeIfPresent(stagingPath)
        try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: true)
        createdDirectories.insert(stagingPath)
    }

    /// Holds the lock on this output folder: two builds publishing to one folder at once would
    /// share a staging folder, so the second one stops instead of mixing the two sites.
    private let lockDescriptor: Int32
    private let lockPath: String

    /// Takes the lock file's lock, retrying when the file was removed (by a build that just
    /// finished) between opening and locking it, so two builds never lock two different files.
    static func lock(_ path: String, for outputPath: String) throws -> Int32 {
        while true {
            let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                throw OutputBusy(outputPath: outputPath)
            }
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                return descriptor
            }
            close(descriptor)
        }
    }

    /// Removes the lock file, then releases the lock (in that order, see `lock`).
    private func unlock() {
        unlink(lockPath)
        close(lockDescriptor)
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
        defer { unlock() }
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
        unlock()
    }

    /// A build killed between the two renames of `commit`'s fallback left the old site retired
    /// and no site in place: put it back, so the site is never lost.
    static func recoverRetiredSite(_ retiredPath: String, to outputPath: String) throws {
        if !FileManager.default.fileExists(atPath: outputPath) && FileManager.default.fileExists(atPath: retiredPath) {
            try FileManager.default.moveItem(atPath: retiredPath, toPath: outputPath)
        }
        try removeIfPresent(retiredPath)
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

    /// Writes a new file at `path`. A file already there may be a hard link to the published
    /// site (`write` links unchanged files), so it is unlinked, never truncated in place.
    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
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

/// Another build is publishing to the same output folder.
public struct OutputBusy: Error, CustomStringConvertible {
    public let outputPath: String
    public var description: String { "another marketnote build is publishing to \(outputPath)" }
}
