import Foundation

/// The files of the project's `static/` folder (pictures for the commentary, a logo, a PDF), which
/// every build publishes as they are, at the same path below the site's root: `static/images/a.png`
/// becomes `images/a.png`. Notes link them by that path (`![Breadth](images/a.png)`).
public struct StaticFiles: Sendable {
    /// The folder's name in the project, and in the diagnostics.
    public static let folderName = "static"
    /// Where the folder is on disk.
    public let folder: String
    /// Each file's path below the folder, `/`-separated, sorted; hidden files (`.DS_Store`) and
    /// folders are left out.
    public let paths: [String]
    private let lookup: Set<String>

    public init(folder: String, paths: [String]) {
        self.folder = folder
        self.paths = paths.sorted()
        lookup = Set(paths)
    }

    public static let none = StaticFiles(folder: "", paths: [])

    public func contains(_ path: String) -> Bool { lookup.contains(path) }

    /// The file's bytes, or an error at its path.
    public func bytes(of path: String) throws(DiagnosticReport) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + path) else {
            throw DiagnosticReport([.error(at: SourceLocation(path: Self.folderName + "/" + path), "cannot read the file",
                         hint: "check that it is readable; every file of \(Self.folderName)/ is published as it is")])
        }
        return [UInt8](data)
    }

    /// The files below `folder` (none when there is no such folder; names starting with "." left
    /// out), with an error for each name a web address cannot carry safely and for a folder that
    /// cannot be read.
    public static func scan(_ folder: String) -> (files: StaticFiles, problems: [Diagnostic]) {
        let found: [String]
        do {
            guard let files = try FolderEntries.files(under: folder, skippingHidden: true) else { return (.none, []) }
            found = files
        } catch {
            return (.none, [error.diagnostic(under: folder, reportedAs: folderName)])
        }
        var paths: [String] = [], problems: [Diagnostic] = []
        for path in found.sorted() {
            if path.contains("\\") {
                problems.append(.error(at: SourceLocation(path: folderName + "/" + path), "a file name with a backslash cannot be published",
                                       hint: "rename it without '\\'"))
                continue
            }
            paths.append(path)
        }
        return (StaticFiles(folder: folder, paths: paths), problems)
    }

    /// The site path a relative destination names: without its query or fragment, its percent
    /// escapes decoded, its `.`, `..` and empty segments resolved (`../` left at the front of one
    /// that climbs above the root); nil for an address with a scheme, one from the server's root
    /// (`/…`), a bare fragment, or invalid escapes.
    public static func sitePath(linkedAs destination: Substring) -> String? {
        guard isRelative(destination) else { return nil }
        let path = destination.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty, let decoded = String(path).removingPercentEncoding else { return nil }
        var segments: [Substring] = [], climbs = 0
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if segments.popLast() == nil { climbs += 1 }
            default: segments.append(segment)
            }
        }
        // A path that ends in a folder keeps its `/` (`docs/` is `docs/index.html`).
        let folder = decoded.hasSuffix("/") || decoded.hasSuffix("/.") || decoded.hasSuffix("/..") || decoded == "." || decoded == ".."
        var joined = String(repeating: "../", count: climbs) + segments.joined(separator: "/")
        if folder, !segments.isEmpty { joined += "/" }
        return joined
    }

    /// An address with no scheme that does not start at the site's root (`/`) or with `#`.
    public static func isRelative(_ destination: Substring) -> Bool {
        guard let first = destination.first, first != "/", first != "#" else { return false }
        let beforeSlash = destination.prefix { $0 != "/" }
        return !beforeSlash.contains(":")
    }
}
