import CFileSwap
import Foundation
import MarketData
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a site into `output/` all at once: files are written to a staging folder beside it,
/// then the two folders are exchanged in one `renameat2(RENAME_EXCHANGE)`. A build that fails or
/// is killed leaves the previous `output/` exactly as it was. A file whose bytes did not change is
/// hard-linked from the previous site instead of rewritten, so it keeps its inode and timestamp.
///
/// The site the swap retires is kept as the *spare* (`.output.spare`), with a `PublicationRecord`
/// of how it differs from the new one. The next build renames the spare into the staging folder
/// and brings it up to date by linking only the files the last build changed: a daily build then
/// costs system calls for the files it writes, not for every file of a 20,000-file site. The
/// record is removed before anything is touched and written again only after the swap, so a
/// build killed in between leaves no record, and the next build starts from an empty staging
/// folder as if there were no spare.
///
/// Before the swap, the staged files are written to the disk (`syncfs`), and after it the folder
/// that holds both sites (`fsync`): a power cut just after a swap could otherwise publish a site
/// whose new files are empty, since file systems may save a rename before the data it names.
///
/// `write`, `reuse` and `keepPublished` may be called from several threads at once (each note's
/// files are written by the thread that rendered them); counters and the file lists are locked.
public final class AtomicOutput: @unchecked Sendable {
    public let outputPath: String
    private let stagingPath: String
    private let retiredPath: String
    private let sparePath: String
    private let recordPath: String
    private let lockPath: String
    /// The folder that holds `output/` and the folders beside it.
    private let parentPath: String
    /// Holds the lock on this output folder: two builds publishing to one folder at once would
    /// share a staging folder, so the second one stops instead of mixing the two sites.
    private let lockDescriptor: Int32
    /// Writes the file system of an open descriptor to the disk, returning `errno` or 0
    /// (`syncfs`; a test stands in for the disk). Given the lock's descriptor, opened before the
    /// build wrote anything, so that a write error during the build is reported at the commit.
    private let flush: @Sendable (_ descriptor: Int32) -> Int32
    /// Whether the lock was released (by `commit`, then `abandon` after a failed one).
    private var isUnlocked = false
    /// The record of the site in `output/`, when it describes it.
    private let previous: PublicationRecord?
    /// Whether the staging folder started as a copy of `output/` (the spare brought up to date)
    /// rather than empty.
    public let startedFromSpare: Bool
    /// Whether `output/` held a site when the build started; when not (a first build), no file
    /// can be unchanged and `write` skips looking for one (a failed `stat` per file was about 1%
    /// of a first backfill, perf).
    private let publishedExists: Bool
    private let state = NSLock()
    private var createdDirectories: Set<String> = []
    /// The files this build wrote, reused or (from an empty staging folder) kept, with the
    /// digest of their inputs (0: none). From the spare, the kept files are the previous
    /// site's less `notKept`.
    private var present: [String: UInt64] = [:]
    /// From the spare: the previous site's files `keepPublished` did not keep (nil: it was not
    /// called, so none), removed at the commit unless this build writes them again.
    private var notKept: [String]?
    /// The files this build wrote or reused.
    private var claimed: Set<String> = []
    /// The files whose bytes differ from the previous site's.
    private var rewritten: Set<String> = []
    /// The record's lines for the files `keepPublished` kept, encoded while the rest renders
    /// (nil: a path cannot be recorded).
    private var keptLines: [UInt8]? = []
    private var writtenCount = 0
    private var unchangedCount = 0

    /// Publishes to `outputPath`, or, when it is a symbolic link, to the folder the link names.
    public convenience init(outputPath: String) throws {
        try self.init(outputPath: outputPath, flush: { marketnote_sync_file_system($0) })
    }

    init(outputPath: String, flush: @escaping @Sendable (_ descriptor: Int32) -> Int32) throws {
        self.flush = flush
        let url = URL(fileURLWithPath: FileTree.followingLinks(outputPath))
        self.outputPath = url.path
        stagingPath = FileTree.companion(of: url, "staging")
        retiredPath = FileTree.companion(of: url, "retired")
        sparePath = FileTree.companion(of: url, "spare")
        recordPath = FileTree.companion(of: url, "publication")
        lockPath = FileTree.companion(of: url, "lock")
        parentPath = url.deletingLastPathComponent().path
        try FileTree.makeDirectory(parentPath)
        lockDescriptor = try Self.lock(lockPath, for: self.outputPath)
        do {
            try Self.recoverRetiredSite(retiredPath, to: self.outputPath)
            FileTree.remove(stagingPath)
            unlink(recordPath + ".tmp")
            let record = PublicationRecord.read(recordPath, describing: self.outputPath)
            // From here on a killed build leaves no record, so nothing trusts a half-updated spare.
            unlink(recordPath)
            previous = record
            publishedExists = FileManager.default.fileExists(atPath: self.outputPath)
            startedFromSpare = Self.stageSpare(record, spare: sparePath, site: self.outputPath, staging: stagingPath)
            if !startedFromSpare {
                FileTree.remove(sparePath)
                try FileTree.makeDirectory(stagingPath)
            }
        } catch {
            Self.unlock(lockPath, lockDescriptor)
            throw error
        }
        createdDirectories.insert(stagingPath)
    }

    public var written: Int { state.withLock { writtenCount } }
    /// The files of the previous site that the committed one no longer has (known when the
    /// previous build left its record).
    public private(set) var removedCount = 0
    /// Why the record of the committed site could not be written, if it could not.
    public private(set) var recordFailure: SiteWriteError?
    public var unchanged: Int { state.withLock { unchangedCount } }

    /// Moves the spare into the staging folder and brings it up to date with the published site:
    /// links the files the last build changed, removes those it dropped. False when there is no
    /// spare the record vouches for, or it could not be brought up to date.
    static func stageSpare(_ record: PublicationRecord?, spare: String, site: String, staging: String) -> Bool {
        guard let record, let stamp = record.spare,
              FileStamp(of: spare + "/" + PublicationRecord.stampedFile) == stamp,
              rename(spare, staging) == 0 else { return false }
        // The published folder's mode came with it (see `keepAttributes`); the build writes into it.
        var info = stat()
        if stat(staging, &info) == 0 && info.st_mode & 0o700 != 0o700 { chmod(staging, info.st_mode & 0o7777 | 0o700) }
        for path in record.removed { FileTree.removeFile(path, in: staging) }
        for path in record.changed {
            let target = staging + "/" + path
            unlink(target)
            guard (try? FileTree.makeDirectory(FileTree.folder(of: path, in: staging))) != nil,
                  (try? FileTree.linkFile(from: site + "/" + path, to: target)) == true else {
                FileTree.remove(staging)
                return false
            }
        }
        return true
    }

    /// Takes the lock file's lock, retrying when the file was removed (by a build that just
    /// finished) between opening and locking it, so two builds never lock two different files.
    static func lock(_ path: String, for outputPath: String) throws -> Int32 {
        while true {
            let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw SiteWriteError.current(at: path) }
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

    /// Removes the lock file, then releases the lock (in that order, see `lock`), once: a second
    /// release would remove the lock of a build that started since and close a reused descriptor.
    private func unlock() {
        let wasUnlocked = state.withLock { () -> Bool in
            defer { isUnlocked = true }
            return isUnlocked
        }
        if !wasUnlocked { Self.unlock(lockPath, lockDescriptor) }
    }

    private static func unlock(_ path: String, _ descriptor: Int32) {
        unlink(path)
        close(descriptor)
    }

    /// Writes one file into the staging folder; `inputs` is the digest of what it was rendered
    /// from, recorded so that the next build can `reuse` it.
    public func write(_ file: OutputFile, inputs digest: UInt64 = 0) throws {
        let target = stagingPath + "/" + file.path
        try ensureDirectory(FileTree.folder(of: file.path, in: stagingPath))
        // A staging folder that started from the spare already holds the published file.
        let published = outputPath + "/" + file.path
        let unchanged = startedFromSpare ? Self.hasSameBytes(target, file.bytes)
            : publishedExists && Self.hasSameBytes(published, file.bytes) && link(published, target) == 0
        if !unchanged { try Self.writeBytes(file.bytes, to: target) }
        state.withLock {
            present[file.path] = digest
            claimed.insert(file.path)
            if unchanged {
                unchangedCount += 1
            } else {
                writtenCount += 1
                rewritten.insert(file.path)
            }
        }
    }

    /// Keeps the published file at `path` when the previous build rendered it from the same
    /// inputs; false when it has to be rendered.
    public func reuse(_ path: String, inputs digest: UInt64) throws -> Bool {
        guard digest != 0, let previous, previous.files.reusable[path] == digest else { return false }
        if !startedFromSpare {
            guard try linkPublished(path) else { return false }
        }
        state.withLock {
            present[path] = digest
            claimed.insert(path)
            unchangedCount += 1
        }
        return true
    }

    /// Keeps the files of the published site that `isKept` selects (by their path's UTF-8), as they are.
    public func keepPublished(where isKept: (UnsafeBufferPointer<UInt8>) -> Bool) throws {
        if startedFromSpare, let previous {
            // The staging folder holds them already: only note which ones go.
            let (lines, dropped) = previous.files.keeping(isKept)
            state.withLock {
                notKept = dropped
                keptLines = lines
                unchangedCount += previous.files.count - dropped.count
            }
            return
        }
        var kept: [String: UInt64] = [:]
        if let previous {
            for (path, digest) in previous.files.digests where Self.selects(isKept, path) {
                if try linkPublished(path) { kept[path] = digest }
            }
        } else {
            for path in try FolderEntries.files(under: outputPath) ?? [] where OutputFile.isSafe(path) && Self.selects(isKept, path) {
                if try linkPublished(path) { kept[path] = 0 }
            }
        }
        let lines = RecordedFiles.lines(kept)
        state.withLock {
            present.merge(kept) { $1 }
            keptLines = lines
            unchangedCount += kept.count
        }
    }

    /// `isKept` of a path held as a String.
    private static func selects(_ isKept: (UnsafeBufferPointer<UInt8>) -> Bool, _ path: String) -> Bool {
        var path = path
        return path.withUTF8(isKept)
    }

    /// Links a file of the published site into the staging folder; false when it is not there.
    private func linkPublished(_ path: String) throws -> Bool {
        let target = stagingPath + "/" + path
        try ensureDirectory(FileTree.folder(of: path, in: stagingPath))
        return try FileTree.linkFile(from: outputPath + "/" + path, to: target)
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

    /// Swaps the staging folder in; keeps the old site as the spare for the next build when the
    /// record says which files it has, and records the new site.
    /// A commit that fails leaves the published site, and removes the staging folder itself: a
    /// build that starts once the lock is released may already use that folder.
    public func commit() throws {
        defer { unlock() }
        do {
            try swapIn()
        } catch {
            FileTree.remove(stagingPath)
            throw error
        }
    }

    private func swapIn() throws {
        let (files, claimed, notKept) = state.withLock { (present, self.claimed, self.notKept) }
        var removed: [String] = []
        if startedFromSpare, let previous {
            // The staging folder started as the whole previous site: drop what this build did not keep.
            removed = (notKept ?? previous.files.paths).filter { !claimed.contains($0) }
            for path in removed { FileTree.removeFile(path, in: stagingPath) }
        } else if let previous {
            removed = previous.files.paths.filter { files[$0] == nil }
        }
        removedCount = removed.count
        let code = flush(lockDescriptor)
        guard code == 0 else { throw SiteWriteError(path: stagingPath, code: code) }
        defer { FileTree.syncFolder(parentPath) }
        guard FileManager.default.fileExists(atPath: outputPath) else {
            try FileManager.default.moveItem(atPath: stagingPath, toPath: outputPath)
            record(spare: nil)
            return
        }
        Self.keepAttributes(of: outputPath, on: stagingPath)
        guard marketnote_exchange_paths(stagingPath, outputPath) == 0 else {
            // Without RENAME_EXCHANGE (an old kernel or an exotic file system): two renames.
            try FileManager.default.moveItem(atPath: outputPath, toPath: retiredPath)
            try FileManager.default.moveItem(atPath: stagingPath, toPath: outputPath)
            FileTree.remove(retiredPath)
            record(spare: nil)
            return
        }
        // The old site is now in the staging folder.
        if previous != nil, let stamp = FileStamp(of: stagingPath + "/" + PublicationRecord.stampedFile),
           rename(stagingPath, sparePath) == 0 {
            record(spare: (stamp, removed))
        } else {
            FileTree.remove(stagingPath)
            record(spare: nil)
        }
    }

    /// Gives the folder about to be swapped in the published folder's mode and group (and owner,
    /// for root): the web root otherwise took the staging folder's (0755, the builder's group),
    /// and then the spare's, alternating on every build. What cannot be changed stays. The owner
    /// keeps full rights: the folder comes back as the next build's staging folder, written into.
    static func keepAttributes(of published: String, on staging: String) {
        var info = stat()
        guard stat(published, &info) == 0 else { return }
        _ = chown(staging, geteuid() == 0 ? info.st_uid : uid_t.max, info.st_gid)
        _ = chmod(staging, info.st_mode & 0o7777 | 0o700)
    }

    /// Writes the record of the site just published. Not being able to is no failure: the next
    /// build finds no record and starts from an empty staging folder. It is noted in
    /// `recordFailure`, since its cause (a full disk) will soon stop a build.
    private func record(spare: (stamp: FileStamp, removed: [String])?) {
        guard let site = FileStamp(of: outputPath + "/" + PublicationRecord.stampedFile) else { return }
        let (kept, claimedFiles, changed) = state.withLock {
            (keptLines, claimed.map { (key: $0, value: present[$0] ?? 0) }, spare == nil ? [] : Array(rewritten))
        }
        guard let kept, let claimedLines = RecordedFiles.lines(claimedFiles) else {
            unlink(recordPath)
            return
        }
        let bytes = PublicationRecord.encode(site: site, spare: spare?.stamp, fileLines: kept + claimedLines,
                                             changed: changed, removed: spare?.removed ?? [])
        do {
            try PublicationRecord.write(bytes, to: recordPath)
        } catch {
            recordFailure = error as? SiteWriteError
        }
    }

    /// Drops the staging folder after a failed build. When nothing was written yet, a staging
    /// folder that started from the spare is an exact copy of `output/`: it goes back as the
    /// spare, and the record is restored, so a failed build does not make the next one slower.
    /// After `commit`, even a failed one, there is nothing left to drop.
    public func abandon() {
        guard !state.withLock({ isUnlocked }) else { return }
        defer { unlock() }
        let untouched = state.withLock { claimed.isEmpty }
        guard untouched, let previous else {
            FileTree.remove(stagingPath)
            return
        }
        var restored = previous
        restored.changed = []
        restored.removed = []
        restored.spare = nil
        if startedFromSpare, let stamp = FileStamp(of: stagingPath + "/" + PublicationRecord.stampedFile),
           rename(stagingPath, sparePath) == 0 {
            restored.spare = stamp
        } else {
            FileTree.remove(stagingPath)
        }
        try? restored.write(to: recordPath)
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
            // Why the file cannot be replaced, rather than "File exists".
            guard unlink(path) == 0 else { throw SiteWriteError.current(at: path) }
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw SiteWriteError.current(at: path) }
        defer { close(descriptor) }
        if let code = DescriptorWriting.writeAll(bytes, to: descriptor) { throw SiteWriteError(path: path, code: code) }
    }
}

/// Another build is publishing to the same output folder.
public struct OutputBusy: Error, CustomStringConvertible {
    public let outputPath: String
    public var description: String { "another marketnote build is publishing to \(outputPath)" }
}
