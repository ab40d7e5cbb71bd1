import MarketData
import Newsletter

/// A note's links to the project's static files, which the site publishes at its root
/// (`static/images/a.png` as `images/a.png`): the editor writes the path from the root, and a page
/// in a sub-folder reaches it through its way back (`../../images/a.png` from a note's page). The
/// email resolves the same path against the base URL, so its Markdown needs nothing.
struct StaticFileLinks: Sendable {
    let files: StaticFiles

    /// `markdown` with `root` before each relative destination that names a static file (in place
    /// of its `./`); the text itself when there is none or `root` is empty (the home page).
    func markdown(_ markdown: String, root: String) -> String {
        guard !files.isEmpty, !root.isEmpty else { return markdown }
        var result = "", copied = markdown.startIndex
        for link in MarkdownLinks.all(in: markdown) where files.isLinked(by: markdown[link.destination]) {
            result += markdown[copied..<link.destination.lowerBound]
            result += root
            var path = markdown[link.destination]
            while path.hasPrefix("./") { path = path.dropFirst(2) }
            copied = path.startIndex
        }
        guard copied != markdown.startIndex else { return markdown }
        return result + markdown[copied...]
    }
}

/// The paths a build writes itself, which no file of `static/` may take.
enum SiteOwnPaths {
    static let files: Set<String> = [SiteRenderer.homePath, SiteRenderer.notFoundPath, SiteRenderer.stylesheetPath,
                                     FeedWriter.path, SitemapWriter.path]
    static let folders = [NotePaths.notesFolder, ArchivePages.indexPath.folder, NotePaths.emailFolder, FeedWriter.archiveFolder]

    /// An error for each static file at a path the site's own pages, notes or editions take.
    static func conflicts(_ files: StaticFiles) -> [Diagnostic] {
        files.paths.compactMap { path in
            let taken = Self.files.contains(path) ? "'\(path)'" : folders.first { path.hasPrefix($0) }.map { "the folder '\($0)'" }
            return taken.map { taken in
                .error(at: SourceLocation(path: StaticFiles.folderName + "/" + path), "marketnote writes \(taken) itself",
                       hint: "rename or move the file; the site's own files are "
                           + Self.files.sorted().joined(separator: ", ") + " and the folders " + folders.joined(separator: ", "))
            }
        }
    }
}
