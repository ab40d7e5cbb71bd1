import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder's entries, read with `opendir` and `readdir`. A folder that is there but cannot be
/// read is an error, not an empty folder: read as empty, an unreadable `content/notes/`,
/// `templates/` or `output/email/` published a site without the commentary, with the shipped
/// templates, or without the published editions, and the build reported success.
public enum FolderEntries {
    public struct Entry: Sendable, Equatable {
        public let name: String
        /// A folder itself, not a link to one: walking or removing through a link would reach
        /// outside the tree.
        public let isDirectory: Bool
        /// A regular file, or a link to one.
        public let isFile: Bool
    }

    /// A folder that exists but could not be listed, with the system's reason.
    public struct Unreadable: Error, Sendable {
        public let path: String
        public let code: Int32

        public var reason: String { String(cString: strerror(code)) }

        /// The error at the folder, worded for a person, with what to check.
        public func diagnostic(reportedAs path: String? = nil) -> Diagnostic {
            .error(at: SourceLocation(path: path ?? self.path), "cannot read the folder: \(reason)",
                   hint: code == ENOTDIR ? "a file has the folder's name (or that of a folder above it): rename or move the file"
                       : "check that the user running marketnote may read and enter it (`ls -ld` shows its owner and mode)")
        }

        /// The error at the folder, named as below `root` (a folder walked by `files(under:)`),
        /// which is reported as `name`: `templates/partials`.
        public func diagnostic(under root: String, reportedAs name: String) -> Diagnostic {
            diagnostic(reportedAs: name + (path.hasPrefix(root) ? String(path.dropFirst(root.count)) : ""))
        }
    }

    /// The entries of the folder at `path`, without `.` and `..`; nil when there is nothing
    /// there. A file where the folder should be is `Unreadable` (`ENOTDIR`): read as no folder, a
    /// file at `content/notes` published notes without their commentary.
    public static func read(_ path: String) throws(Unreadable) -> [Entry]? {
        guard let directory = opendir(path) else {
            let code = errno
            if code == ENOENT { return nil }
            throw Unreadable(path: path, code: code)
        }
        defer { closedir(directory) }
        var result: [Entry] = []
        while true {
            // readdir returns nil at the end and on an error, told apart by errno.
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Unreadable(path: path, code: errno) }
                return result
            }
            let name = Self.name(of: entry)
            if name == "." || name == ".." { continue }
            result.append(kind(of: entry, named: name, at: path + "/" + name))
        }
    }

    /// Every file below `root` (links to files included), as paths relative to it, folders
    /// walked depth first; names starting with "." and what is below them are left out when
    /// `skippingHidden`. Nil when there is no folder at `root`.
    public static func files(under root: String, skippingHidden: Bool = false) throws(Unreadable) -> [String]? {
        guard let top = try read(root) else { return nil }
        var result: [String] = []
        func walk(_ relative: String, _ entries: [Entry]) throws(Unreadable) {
            for entry in entries where !(skippingHidden && entry.name.hasPrefix(".")) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory {
                    try walk(path, try read(root + "/" + path) ?? [])
                } else if entry.isFile {
                    result.append(path)
                }
            }
        }
        try walk("", top)
        return result
    }

    /// The entry's name, read in place: `readdir`'s record is only as long as its name, so
    /// copying the whole `d_name` array (256 bytes) reads past it (AddressSanitizer).
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \.d_name)!
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }

    /// The entry's kind from its `d_type`, asking the file system only for a link or a file
    /// system that does not say (`DT_UNKNOWN`).
    private static func kind(of entry: UnsafeMutablePointer<dirent>, named name: String, at path: String) -> Entry {
        var info = stat()
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): return Entry(name: name, isDirectory: true, isFile: false)
        case Int32(DT_REG): return Entry(name: name, isDirectory: false, isFile: true)
        case Int32(DT_UNKNOWN) where lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR:
            return Entry(name: name, isDirectory: true, isFile: false)
        case Int32(DT_LNK), Int32(DT_UNKNOWN):
            return Entry(name: name, isDirectory: false, isFile: stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        default: return Entry(name: name, isDirectory: false, isFile: false)
        }
    }
}
