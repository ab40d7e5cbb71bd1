import MarketData

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
