import CFileSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a site into `output/` all at once: files are written to a staging folder beside it,
/// then the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)`. A build that fails or
/// is killed leaves the previous `output/` exactly as it was. A file whose bytes did not change is
/// hard-linked from the previous site instead of rewritten, so it keeps its inode and timestamp.
///
/// `write` and `keep` may be called from several threads at once (each note's files are written
/// by the thread that rendered them); counters and the set of created folders are locked.
public final class AtomicOutput: @unchecked Sendable {
    public let outputPath: String
    private let stagingPath: String
    private let retiredPath: String
    private let lockPath: String
    /// Holds the lock on this output folder: two builds publishing to one folder at once would
    /// share a staging folder, so the second one stops instead of mixing the two sites.
    private let lockDescriptor: Int32
    private let state = NSLock()
    private var createdDirectories: Set<String> = []
    private var writtenCount = 0
    private var unchangedCount = 0

    public init(outputPath: String) throws {
        let url = URL(fileURLWithPath: outputPath).standardizedFileURL
        self.outputPath = url.path
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        stagingPath = parent + "/.\(name).staging"
        retiredPath = parent + "/.\(name).retired"
        lockPath = parent + "/.\(name).lock"
        try FileTree.makeDirectory(parent)
        lockDescriptor = try Self.lock(lockPath, for: self.outputPath)
        do {
            try Self.recoverRetiredSite(retiredPath, to: self.outputPath)
            FileTree.remove(stagingPath)
            try FileTree.makeDirectory(stagingPath)
        } catch {
            unlock()
            throw error
        }
        createdDirectories.insert(stagingPath)
    }

    public var written: Int { state.withLock { writtenCount } }
    public var unchanged: Int { state.withLock { unchangedCount } }

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
    public func write(_ file: OutputFile) throws {
        let target = stagingPath + "/" + file.path
        try ensureDirectory((target as NSString).deletingLastPathComponent)
        let previous = outputPath + "/" + file.path
        if Self.hasSameBytes(previous, file.bytes), link(previous, target) == 0 {
            state.withLock { unchangedCount += 1 }
            return
        }
        try Self.writeBytes(file.bytes, to: target)
        state.withLock { writtenCount += 1 }
    }

    /// Keeps a folder of the previous site as it is (hard links, nothing is copied or rewritten).
    public func keep(directory: String, from previousSite: String) throws {
        let relative = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard OutputFile.isSafe(relative) else { return }
        var info = stat()
        guard lstat(previousSite + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        let target = stagingPath + "/" + relative
        try ensureDirectory((target as NSString).deletingLastPathComponent)
        let count = try FileTree.linkTree(from: previousSite + "/" + relative, to: target)
        state.withLock { unchangedCount += count }
    }

    /// Keeps one file of the previous site as it is.
    public func keep(file relative: String, from previousSite: String) throws {
        guard OutputFile.isSafe(relative) else { return }
        let source = previousSite + "/" + relative, target = stagingPath + "/" + relative
        try ensureDirectory((target as NSString).deletingLastPathComponent)
        try FileTree.linkFile(from: source, to: target)
        state.withLock { unchangedCount += 1 }
    }

    /// Creates a folder of the staging site ahead of the writes into it.
    public func makeDirectory(_ relative: String) throws {
        let path = relative.hasSuffix("/") ? String(relative.dropLast()) : relative
        guard OutputFile.isSafe(path) else { return }
        try ensureDirectory(stagingPath + "/" + path)
    }

    private func ensureDirectory(_ directory: String) throws {
        if state.withLock({ createdDirectories.contains(directory) }) { return }
        try FileTree.makeDirectory(directory)
        state.withLock { _ = createdDirectories.insert(directory) }
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
                FileTree.remove(retiredPath)
                return
            }
            FileTree.remove(stagingPath)
        } else {
            try FileManager.default.moveItem(atPath: stagingPath, toPath: outputPath)
        }
    }

    /// Drops the staging folder after a failed build.
    public func abandon() {
        FileTree.remove(stagingPath)
        unlock()
    }

    /// A build killed between the two renames of `commit`'s fallback left the old site retired
    /// and no site in place: put it back, so the site is never lost.
    static func recoverRetiredSite(_ retiredPath: String, to outputPath: String) throws {
        if !FileManager.default.fileExists(atPath: outputPath) && FileManager.default.fileExists(atPath: retiredPath) {
            try FileManager.default.moveItem(atPath: retiredPath, toPath: outputPath)
        }
        FileTree.remove(retiredPath)
    }

    static func hasSameBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < existing.count {
            let count = existing[offset...].withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return false }
            offset += count
        }
        return existing == bytes
    }

    /// Writes a new file at `path`. A file already there may be a hard link to the published
    /// site (`write` links unchanged files), so it is unlinked, never truncated in place.
    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == EEXIST {
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
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
