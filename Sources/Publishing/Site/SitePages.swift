import Newsletter

extension SiteRenderer {
    /// The pages built from the list of all notes: archive by month, Atom feed, sitemap, 404.
    public func sitePages(manifest: SiteManifest) -> [OutputFile] {
        []
    }
}
