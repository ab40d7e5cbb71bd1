import MarketData

/// A relative address in a note (`images/breadth.png`, `archive/index.html`) is read from the
/// site's root, in every edition: the email resolves it against the base URL, the home page as
/// written, and a note's page, two folders down, through its way back (`../../images/breadth.png`).
enum RootRelativeLinks {
    /// `markdown` with `root` before each relative destination (in place of its `./`); the text
    /// itself when `root` is empty (the home page) or it links nothing relative.
    static func markdown(_ markdown: String, root: String) -> String {
        guard !root.isEmpty, ByteSearch.contains("](", in: markdown) || ByteSearch.contains("]:", in: markdown) else { return markdown }
        var result = "", copied = markdown.startIndex
        for link in MarkdownLinks.all(in: markdown) where StaticFiles.isRelative(markdown[link.destination]) {
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
enum StaticFileConflicts {
    /// An error for each static file at a path the site's own pages, notes or editions take.
    static func errors(_ files: StaticFiles) -> [Diagnostic] {
        files.paths.compactMap { path in
            let taken = SiteLayout.files.contains(path) ? "'\(path)'"
                : SiteLayout.folders.first { path.hasPrefix($0) }.map { "the folder '\($0)'" }
            return taken.map { taken in
                .error(at: SourceLocation(path: StaticFiles.folderName + "/" + path), "marketnote writes \(taken) itself",
                       hint: "rename or move the file; the site's own files are " + SiteLayout.files.sorted().joined(separator: ", ")
                           + " and the folders " + SiteLayout.folders.joined(separator: ", "))
            }
        }
    }
}
