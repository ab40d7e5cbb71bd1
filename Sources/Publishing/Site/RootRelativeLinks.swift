import CCmarkGFM
import MarketData

/// A relative address in a note (`images/breadth.png`, `archive/index.html`) is read from the
/// site's root, in every edition: the email resolves it against the base URL, the home page as
/// written, and a note's page, two folders down, through its way back (`../../images/breadth.png`).
/// Done on cmark-gfm's syntax tree, so code spans, code blocks, escapes and reference definitions
/// (in a quote's block quote too) are read exactly as the page shows them.
enum RootRelativeLinks {
    /// Puts `root` before each relative address of the parsed `markdown` (in place of its `./`).
    static func prefix(_ document: OpaquePointer, markdown: String, root: String) {
        // Most notes link nothing, and their tree is not walked.
        guard !root.isEmpty, MarkdownTree.mayHaveLinks(markdown) else { return }
        for (node, url) in MarkdownTree.links(below: document) where StaticFiles.isRelative(url[...]) {
            var path = url[...]
            while path.hasPrefix("./") { path = path.dropFirst(2) }
            cmark_node_set_url(node, root + path)
        }
    }
}
