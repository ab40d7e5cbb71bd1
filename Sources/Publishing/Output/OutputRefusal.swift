import Foundation
import MarketData
#if canImport(Glibc)
import Glibc
#endif

/// Why a build will not publish into a folder. Publishing replaces the whole output folder, so a
/// folder that holds anything but a marketnote site (the project itself, `content/`, a file)
/// would be lost: `--output .` once replaced the project with its own site.
public struct OutputRefusal: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The output folder is the project's folder or one of its parents.
        case holdsProject
        /// The output path is a file.
        case isAFile
        /// A folder with files in it that is not a marketnote site.
        case notASite
    }

    public let outputPath: String
    public let reason: Reason

    /// Nil when a build may replace `outputPath`: it does not exist, is empty, or holds a site
    /// marketnote published, and does not hold the project in `projectRoot`.
    public init?(outputPath: String, projectRoot: String) {
        let output = Self.canonical(outputPath)
        self.outputPath = outputPath
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            return nil
        } else if Self.isFolder(output, orAParentOf: projectRoot) {
            reason = .holdsProject
        } else if !isDirectory.boolValue {
            reason = .isAFile
        } else if (try? FileManager.default.contentsOfDirectory(atPath: output))?.isEmpty == true || Self.isSite(output) {
            // A folder that cannot be listed is not taken for an empty one.
            return nil
        } else {
            reason = .notASite
        }
    }

    /// Whether `folder` is `project` or one of its parents, by device and inode: a path written
    /// differently (another case on a case-insensitive disk, a link) is still the same folder.
    static func isFolder(_ folder: String, orAParentOf project: String) -> Bool {
        var target = stat()
        guard stat(folder, &target) == 0 else { return false }
        var path = canonical(project)
        while true {
            var info = stat()
            if stat(path, &info) == 0, info.st_dev == target.st_dev, info.st_ino == target.st_ino { return true }
            guard path != "/", !path.isEmpty else { return false }
            path = (path as NSString).deletingLastPathComponent
        }
    }

    /// A site marketnote published has its list of notes; one whose list was lost still has its
    /// home page, notes and stylesheet together (a build then reports the list, not this). A file
    /// the system will not let the build look at (a folder a build run as root made private) is
    /// taken to be there: the build then reports the permission, not a folder of other files.
    static func isSite(_ path: String) -> Bool {
        let exists = { (name: String) -> Bool in
            var info = stat()
            return stat(path + "/" + name, &info) == 0 || (errno != ENOENT && errno != ENOTDIR)
        }
        return exists(SiteManifest.path) || (exists("index.html") && exists("notes") && exists("assets/style.css"))
    }

    /// The absolute path with symbolic links resolved, so `.`, `./` and a link to the project compare equal.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public var description: String {
        switch reason {
        case .holdsProject: "the output folder holds the project: publishing would replace it with the site"
        case .isAFile: "the output path is a file, not a folder"
        case .notASite: "the output folder holds files that are not a marketnote site: publishing would replace them"
        }
    }

    public var hint: String {
        switch reason {
        case .holdsProject, .isAFile: "choose a folder of its own for the site, such as output/ (the default)"
        case .notASite: "choose an empty or new folder, such as output/ (the default), or move these files away first"
        }
    }
}
