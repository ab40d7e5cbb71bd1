import Foundation
import MarketData

/// What a build publishes, for telling whether a note's address arrives somewhere.
struct SiteAddresses: Sendable {
    let staticFiles: StaticFiles
    /// Whether a date has prices, so that `notes/DATE/` can be a note's page.
    let isNoteDate: @Sendable (SessionDate) -> Bool

    /// Whether `path` (below the site's root) is a file of `static/` or one the build writes:
    /// a note's page or facts file of a session in the data, or a path in another folder the build owns.
    func publishes(_ path: String) -> Bool {
        if path.isEmpty || staticFiles.contains(path) || staticFiles.contains(path + "index.html") { return true }
        guard path.hasPrefix(SiteLayout.notesFolder), path != SiteLayout.notesFolder + "index.json" else { return SiteLayout.isOwn(path) }
        let parts = path.dropFirst(SiteLayout.notesFolder.count).split(separator: "/", omittingEmptySubsequences: false)
        guard let date = parts.first.flatMap({ SessionDate(String($0)) }), isNoteDate(date) else { return false }
        return parts.count == 1 || (parts.count == 2 && ["", "index.html", "facts.json"].contains(parts[1]))
    }

    /// What is wrong with `url`, if it cannot arrive: a message and a hint.
    func problem(with url: String, isImage: Bool) -> (message: String, hint: String)? {
        let subject = "the \(isImage ? "image" : "link") '\(url)'"
        let outcome = isImage ? "neither the page nor the email would show it" : "the link would lead nowhere"
        let folder = StaticFiles.folderName
        if url.hasPrefix("/"), !url.hasPrefix("//") {
            guard let path = StaticFiles.sitePath(linkedAs: url.dropFirst()), !path.isEmpty, publishes(path) else { return nil }
            return ("\(subject) starts at the server's root: opened from disk, or published below a sub-path, it misses the site's \(path)",
                    "write it without the leading '/' (\(url.dropFirst())): a note's relative addresses are read from the site's root")
        }
        guard let path = StaticFiles.sitePath(linkedAs: url[...]), !publishes(path) else { return nil }
        if path.hasPrefix("../") {
            return ("\(subject) climbs above the site's root, where marketnote publishes nothing: \(outcome)",
                    "a note's relative addresses are read from the site's root: write the path below \(folder)/ "
                        + "(images/chart.png for \(folder)/images/chart.png), or a full address (https://…)")
        }
        // A `#` or `?` in a file's name starts a fragment or a query unless it is escaped.
        if let whole = url.removingPercentEncoding, staticFiles.contains(whole) {
            let escaped = url.replacingOccurrences(of: "#", with: "%23").replacingOccurrences(of: "?", with: "%3F")
            return ("\(subject) reads as \(folder)/\(path) with a fragment or query, though \(folder)/\(whole) exists: \(outcome)",
                    "write '#' as %23 and '?' as %3F in the address: \(escaped)")
        }
        let file = folder + "/" + (path.hasSuffix("/") ? path + "index.html" : path)
        // The build's other folders publish whatever is asked of them; a note needs a session.
        if path.hasPrefix(SiteLayout.notesFolder) {
            return ("\(subject) names a page marketnote does not write: \(outcome)",
                    "link a note as notes/YYYY-MM-DD/index.html with the date of a session in the data, or check the path")
        }
        return ("\(subject) has a relative address, and there is no \(file) to publish there: \(outcome)",
                "put the \(isImage ? "picture" : "file") at \(file) (every file of \(folder)/ is published at the same path "
                    + "below the site's root), or link it by its full address (https://…)")
    }
}
