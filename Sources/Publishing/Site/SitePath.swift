/// Where a page of the site lives, as the folder that holds its `index.html` (`notes/2026-01-15/`,
/// `archive/2026/01/`, or empty for the home page), and the two ways to point at it.
///
/// Links between pages are relative and name `index.html`, so the site works opened from disk and
/// served below a sub-path; canonical tags, the feed and the sitemap use the absolute folder URL.
struct SitePath: Hashable, Sendable {
    /// Relative, ending in `/`, or empty for the site root.
    let folder: String

    init(_ folder: String) {
        precondition(Self.isFolder(folder), "a page folder is empty or names folders, each ending in /: \(folder)")
        self.folder = folder
    }

    static let home = SitePath("")

    private static let slash = UInt8(ascii: "/")

    /// `notes/2026-01-15/`: no leading `/`, no empty folder name, a `/` at the end (or nothing).
    private static func isFolder(_ folder: String) -> Bool {
        var previous = slash
        for byte in folder.utf8 {
            if byte == slash && previous == slash { return false }
            previous = byte
        }
        return previous == slash
    }

    /// How many folders down from the site root: 2 for `notes/2026-01-15/`.
    private var depth: Int { folder.utf8.count { $0 == Self.slash } }

    /// `../../` for `notes/2026-01-15/`: the way back from this page to the site root.
    var root: String { String(repeating: "../", count: depth) }

    /// The shortest relative link to this page from `page`: `../2026-01-14/index.html`. Works on
    /// the bytes (no folder list per link: a backfill makes a few links per note).
    func href(from page: SitePath) -> String {
        // Both end in `/`, so their common prefix up to its last `/` is the folders they share.
        var sharedBytes = 0, sharedFolders = 0, offset = 0
        for (byte, other) in zip(folder.utf8, page.folder.utf8) {
            guard byte == other else { break }
            offset += 1
            if byte == Self.slash { (sharedBytes, sharedFolders) = (offset, sharedFolders + 1) }
        }
        let rest = folder.utf8.index(folder.utf8.startIndex, offsetBy: sharedBytes)
        let climbs = page.depth - sharedFolders
        var href = ""
        href.reserveCapacity(3 * climbs + folder.utf8.count - sharedBytes + 10)
        for _ in 0..<climbs { href += "../" }
        href += folder[rest...]
        href += "index.html"
        return href
    }

    /// The page's public address below the configured base URL (which ends in `/`).
    func url(base: String) -> String { base + folder }
}
