/// Where a page of the site lives, as the folder that holds its `index.html` (`notes/2026-01-15/`,
/// `archive/2026/01/`, or empty for the home page), and the two ways to point at it.
///
/// Links between pages are relative and name `index.html`, so the site works opened from disk and
/// served below a sub-path; canonical tags, the feed and the sitemap use the absolute folder URL.
struct SitePath: Hashable, Sendable {
    /// Relative, ending in `/`, or empty for the site root.
    let folder: String

    init(_ folder: String) {
        precondition(folder.isEmpty || folder.hasSuffix("/"), "a page folder ends in /: \(folder)")
        self.folder = folder
    }

    static let home = SitePath("")

    private var segments: [Substring] { folder.split(separator: "/") }

    /// `../../` for `notes/2026-01-15/`: the way back from this page to the site root.
    var root: String { String(repeating: "../", count: segments.count) }

    /// The shortest relative link to this page from `page`: `../2026-01-14/index.html`.
    func href(from page: SitePath) -> String {
        let target = segments, origin = page.segments
        let shared = zip(target, origin).prefix { $0 == $1 }.count
        var href = String(repeating: "../", count: origin.count - shared)
        for segment in target.dropFirst(shared) { href += segment + "/" }
        return href + "index.html"
    }

    /// The page's public address below the configured base URL (which ends in `/`).
    func url(base: String) -> String { base + folder }
}
