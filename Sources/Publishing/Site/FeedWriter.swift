import MarketData

/// The Atom feed (RFC 4287) of every note, published as an archived feed (RFC 5005) so that a
/// backfill of thousands of notes does not make one huge file:
///
/// - `feed.xml`, the subscription document, holds the notes of the newest two months (newest
///   first), so a new subscriber always sees a few weeks of notes;
/// - each earlier month is an archive document, `feed/YYYY-MM.xml`, marked `fh:archive`, and the
///   documents are chained by `prev-archive` / `next-archive` links.
///
/// A client that follows `prev-archive` from `feed.xml` reads every note exactly once. An archive
/// document changes only when a note of its month is added or rebuilt.
///
/// Every date comes from the data: an entry is stamped with its session date at 12:00 UTC (the
/// data carry no time of day, and noon UTC falls on the same calendar day in nearly every time
/// zone), and a document's `updated` is its newest entry's.
struct FeedWriter {
    let config: ProjectConfig
    /// Oldest first.
    let months: [ArchiveMonth]

    static let path = SiteLayout.feed
    static let subscriptionMonths = 2
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let historyNamespace = "http://purl.org/syndication/history/1.0"

    func files() -> [OutputFile] {
        pages(InputDigest()).map { $0.render() }
    }

    /// The archive documents, each with the digest of what it holds, and `feed.xml`, rendered
    /// every time.
    func pages(_ fingerprint: InputDigest) -> [PlannedPage] {
        guard !months.isEmpty else { return [] }
        let split = max(0, months.count - Self.subscriptionMonths)
        let archived = Array(months[..<split])
        var pages = archived.indices.map { position in
            PlannedPage(path: Self.archivePath(archived[position]),
                        inputs: fingerprint.month("feed archive", of: archived, at: position)) {
                archiveDocument(archived, at: position)
            }
        }
        let subscription = document(months[split...].flatMap(\.notes), selfPath: Self.path,
                                    links: archived.last.map { [("prev-archive", Self.archivePath($0))] } ?? [],
                                    isArchive: false)
        pages.append(PlannedPage(always: OutputFile(path: Self.path, text: subscription)))
        return pages
    }

    /// `feed/2025-11.xml`.
    static func archivePath(_ month: ArchiveMonth) -> String { SiteLayout.feedArchiveFolder + "\(month.id).xml" }

    /// `2026-01-15T12:00:00Z`.
    static func timestamp(_ date: SessionDate) -> String { "\(date)T12:00:00Z" }

    private func archiveDocument(_ archived: [ArchiveMonth], at position: Int) -> OutputFile {
        var links = [("current", Self.path)]
        if position > 0 { links.append(("prev-archive", Self.archivePath(archived[position - 1]))) }
        let next = position + 1 < archived.count ? Self.archivePath(archived[position + 1]) : Self.path
        links.append(("next-archive", next))
        let path = Self.archivePath(archived[position])
        return OutputFile(path: path, text: document(archived[position].notes, selfPath: path, links: links,
                                                     isArchive: true))
    }

    /// One feed document: its entries newest first, its links as (relation, path below the site).
    private func document(_ notes: [SiteManifest.Entry], selfPath: String, links: [(String, String)],
                          isArchive: Bool) -> String {
        let base = config.baseURL
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"\(Self.atomNamespace)\" xmlns:fh=\"\(Self.historyNamespace)\" xml:lang=\"\(xml(config.language))\">",
            "<title>\(xml(config.title))</title>",
        ]
        if !config.description.isEmpty { lines.append("<subtitle>\(xml(config.description))</subtitle>") }
        lines += [
            "<id>\(xml(base))</id>",
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(xml(base + selfPath))\"/>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"\(xml(base))\"/>",
        ]
        lines += links.map { "<link rel=\"\($0.0)\" type=\"application/atom+xml\" href=\"\(xml(base + $0.1))\"/>" }
        if isArchive { lines.append("<fh:archive/>") }
        if let newest = notes.last { lines.append("<updated>\(Self.timestamp(newest.date))</updated>") }
        lines += ["<author><name>\(xml(config.author))</name></author>", "<generator>marketnote</generator>"]
        lines += notes.reversed().map(entry)
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func entry(_ note: SiteManifest.Entry) -> String {
        let url = xml(SitePath(note.path).url(base: config.baseURL))
        let stamp = Self.timestamp(note.date)
        return """
            <entry>
            <id>\(url)</id>
            <title>\(xml(note.title))</title>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <published>\(stamp)</published>
            <updated>\(stamp)</updated>
            <summary>\(xml(note.summary))</summary>
            </entry>
            """
    }

    private func xml(_ text: String) -> String { XMLEscaping.escape(text) }
}
