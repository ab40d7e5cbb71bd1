/// The paths a build writes below the site's root. Writers take their paths from here, and the
/// project's own files are checked against them: a file of `static/` may not take one, and a
/// note's relative link to one is known to arrive.
public enum SiteLayout {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notesFolder = "notes/"
    public static let archiveFolder = "archive/"
    public static let emailFolder = "email/"
    /// The feed's monthly archive documents.
    public static let feedArchiveFolder = "feed/"

    public static let files: Set<String> = [home, notFound, stylesheet, feed, sitemap]
    public static let folders = [notesFolder, archiveFolder, emailFolder, feedArchiveFolder]

    /// Whether the build writes `path` (a file, or a page's folder such as `notes/2026-01-15/`)
    /// or something in a folder it owns.
    public static func isOwn(_ path: String) -> Bool {
        files.contains(path) || folders.contains { path.hasPrefix($0) || path + "/" == $0 }
    }
}
