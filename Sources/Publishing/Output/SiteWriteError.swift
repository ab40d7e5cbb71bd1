import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A system call on the output failed, with the path it was given. "cannot write the site:
/// Permission denied" named neither the file nor what to do, so a folder that a build run as
/// root had left beside the output was looked for in the wrong place.
public struct SiteWriteError: Error, Equatable {
    public let path: String
    public let code: Int32

    /// The error `errno` holds now, at `path`.
    static func current(at path: String) -> SiteWriteError {
        SiteWriteError(path: path, code: errno)
    }

    public var reason: String { String(cString: strerror(code)) }

    /// What to do about it, for a build that stopped: its published site is unchanged.
    public var hint: String { remedy + "; the published site is unchanged" }

    /// What to do about it.
    public var remedy: String {
        let cause: String
        switch code {
        case EACCES, EPERM:
            cause = "the user running marketnote may not write there. A build run once as another user (such as root) leaves "
                + "folders that user owns beside the output (.NAME.spare, .NAME.staging, .NAME.publication): remove them or give them back "
                + "with chown -R, and run every build as one user"
        case EROFS: cause = "the file system is mounted read-only"
        case ENOSPC, EDQUOT: cause = "the disk is full, or the user's quota is used up: free some space and build again"
        case EIO: cause = "the disk reported an error while the site was written to it: check the disk (dmesg) before building again"
        case EMFILE, ENFILE: cause = "too many files are open: raise the limit (ulimit -n) and build again"
        default: cause = "check that the output folder's parent exists and is writable"
        }
        return cause
    }
}
