import Foundation
import MarketData
#if canImport(Glibc)
import Glibc
#endif

/// Folder operations on whole trees with plain system calls: a 26-year site holds about 20,000
/// files, and Foundation's FileManager spent most of a daily build walking, creating and removing them.
enum FileTree {
    /// Creates `path` and any missing parents; an existing folder is fine.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw SiteWriteError.current(at: path) }
        try makeDirectory((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw SiteWriteError.current(at: path) }
    }

    /// `path`, absolute, with a symbolic link at its end followed to what it names (through any
    /// number of links, up to the system's limit of 40): a site swapped in at a link's own path
    /// would replace the link, and the folder it names (a web server's root) would stop changing.
    static func followingLinks(_ path: String) -> String {
        var current = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = URL(fileURLWithPath: target, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
        }
        return current.path
    }

    /// `.NAME.kind` beside the folder at `folder` (`output` → `.output.spare`): where a build keeps
    /// its staging folder, spare, record and lock, and `send` its log, out of the published site.
    static func companion(of folder: URL, _ kind: String) -> String {
        folder.deletingLastPathComponent().path + "/.\(folder.lastPathComponent).\(kind)"
    }

    /// Writes a folder's entries to the disk (`fsync`), so that renames in it survive a power cut.
    /// Best effort: it runs once the site is published, and a failure leaves it published.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Hard-links one file (one already at `target` is fine); copies it when it cannot be linked.
    /// False when there is no file at `source`.
    @discardableResult
    static func linkFile(from source: String, to target: String) throws -> Bool {
        if link(source, target) == 0 || errno == EEXIST { return true }
        guard errno != ENOENT else { return false }
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return true
    }

    /// Removes the file at `relative` below `root`, and the folders it leaves empty.
    static func removeFile(_ relative: String, in root: String) {
        guard unlink(root + "/" + relative) == 0 else { return }
        var folder = relative[...]
        while let parent = parent(of: folder) {
            folder = parent
            guard rmdir(root + "/" + folder) == 0 else { return }
        }
    }

    /// The folder below `root` that holds `relative` (a path of plain segments, see
    /// `OutputFile.isSafe`): `root` itself for a top-level file.
    static func folder(of relative: String, in root: String) -> String {
        parent(of: relative[...]).map { root + "/" + $0 } ?? root
    }

    /// The path before the last slash; nil for a top-level name. On bytes, since it runs for every
    /// file a build writes (NSString's `deletingLastPathComponent` cost 1% of a backfill).
    private static func parent(of relative: Substring) -> Substring? {
        relative.utf8.lastIndex(of: 0x2F).map { relative[..<$0] }
    }

    /// Removes a tree; the top-level entries are split over `jobs` threads.
    static func remove(_ path: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        let top = entriesToRemove(path)
        let big = top.filter(\.isDirectory).flatMap { folder in
            entriesToRemove(path + "/" + folder.name).map { (path + "/" + folder.name + "/" + $0.name, $0.isDirectory) }
        }
        _ = ParallelMap.map(big, jobs: jobs) { item in removeSerially(item.0, isDirectory: item.1) }
        for entry in top { removeSerially(path + "/" + entry.name, isDirectory: entry.isDirectory) }
        rmdir(path)
    }

    private static func removeSerially(_ path: String, isDirectory: Bool) {
        guard isDirectory else {
            unlink(path)
            return
        }
        for entry in entriesToRemove(path) { removeSerially(path + "/" + entry.name, isDirectory: entry.isDirectory) }
        rmdir(path)
    }

    /// What is in a folder being removed; what cannot be read stays, as its folder does.
    private static func entriesToRemove(_ path: String) -> [FolderEntries.Entry] {
        ((try? FolderEntries.read(path)) ?? nil) ?? []
    }
}
