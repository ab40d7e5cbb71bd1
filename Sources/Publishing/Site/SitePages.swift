import Newsletter

extension SiteRenderer {
    /// The pages built from the list of all notes: archive by month, Atom feed, sitemap, 404.
    /// They depend on the manifest only, so a single-date build that adds to an existing site
    /// gives the same pages as a backfill of the same notes.
    public func sitePages(manifest: SiteManifest) -> [OutputFile] {
        let months = ArchiveMonth.grouping(manifest.notes)
        return ArchivePages(renderer: self, months: months).files()
            + FeedWriter(config: config, months: months).files()
            + [SitemapWriter(config: config, months: months).file(), notFoundPage()]
    }
}
