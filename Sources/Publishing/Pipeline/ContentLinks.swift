import CCmarkGFM
import MarketData
import Newsletter

/// Links and images in the editor's commentary, the analysts' quotes and the project's own
/// Markdown templates that would not work as written, found by cmark-gfm as the page reads them
/// (not in code, escaped, or in a reference definition nothing uses):
/// - an image with no description (`![](chart.png)`): the page gives it `alt=""`, which tells a
///   screen reader to skip it, and the email names the link "image";
/// - a relative address (read from the site's root in every edition, `RootRelativeLinks`) that
///   names no file of `static/` and nothing the build writes, or climbs above the site's root;
/// - an address from the server's root (`/images/a.png`) that names a file of the site: it misses
///   the site opened from disk or published below a sub-path.
enum ContentLinks {
    static func warnings(_ inputs: ProjectInputs, templates: TemplateLibrary?) -> [Diagnostic] {
        let prices = inputs.prices
        // A binary search per date a link names, as the commentary's own date is checked; a set of
        // every session was built on each build for the few links that name a note.
        let site = SiteAddresses(staticFiles: inputs.staticFiles, isNoteDate: { date in prices.contains { $0.dates.contains(session: date) } })
        let texts = inputs.commentary.values.sorted { $0.date < $1.date }.map { ($0.body, $0.bodyStart) }
            + inputs.quotes.map { ($0.text, $0.textStart) }
            + (templates?.ownMarkdown ?? []).map { ($0.text, SourceLocation(path: $0.path)) }
        // Years of daily commentary would otherwise be parsed on every daily build.
        return texts.filter { MarkdownTree.mayHaveLinks($0.0) }.flatMap { text, start in warnings(in: text, startingAt: start, site: site) }
    }

    /// The warnings for one Markdown text that starts at `start` in its file.
    static func warnings(in markdown: String, startingAt start: SourceLocation, site: SiteAddresses) -> [Diagnostic] {
        guard let tree = MarkdownTree(markdown) else { return [] }
        let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return MarkdownTree.links(below: tree.root).flatMap { node, url -> [Diagnostic] in
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            let location = position(of: node, opening: isImage ? "!" : "[", in: lines, start: start)
            var warnings: [Diagnostic] = []
            if isImage, MarkdownTree.text(of: node).allSatisfy(\.isWhitespace) {
                warnings.append(Diagnostic(.warning, at: location,
                                           "this image has no description: a screen reader skips it, and the email shows a link named 'image'",
                                           hint: "say what it shows between the brackets: ![What the chart shows](\(url))"))
            }
            // A template's address made of a tag (`{{baseURL}}archive/`) is known only once rendered.
            if !url.contains("{{"), let problem = site.problem(with: url, isImage: isImage) {
                warnings.append(Diagnostic(.warning, at: location, problem.message, hint: problem.hint))
            }
            return warnings
        }
    }

    /// Where `node` starts in the file: cmark counts lines of `markdown` and bytes of a line. For
    /// a link or image whose text runs over lines, cmark-gfm gives the line of its `]` with the
    /// column of its start, so the line is the nearest one up that has `opening` at that column.
    static func position(of node: OpaquePointer, opening: Character, in lines: [Substring], start: SourceLocation) -> SourceLocation {
        let reported = Int(cmark_node_get_start_line(node)), byteColumn = Int(cmark_node_get_start_column(node))
        guard reported >= 1, reported <= lines.count, byteColumn >= 1 else { return start }
        let opensAt = { (line: Int) in lines[line - 1].utf8.dropFirst(byteColumn - 1).first == opening.asciiValue }
        let line = (1...reported).reversed().first(where: opensAt) ?? reported
        let column = String(decoding: lines[line - 1].utf8.prefix(max(byteColumn - 1, 0)), as: UTF8.self).count + 1
        return SourceLocation(path: start.path, line: start.line + line - 1, column: line == 1 ? start.column + column - 1 : column)
    }
}
