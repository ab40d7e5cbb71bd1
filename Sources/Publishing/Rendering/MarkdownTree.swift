import CCmarkGFM
import Foundation
import MarketData

/// A Markdown document as cmark-gfm's syntax tree, parsed like `MarkdownRenderer` parses it (the
/// `table` and `tagfilter` extensions only), to be edited and written back as CommonMark.
final class MarkdownTree {
    let root: OpaquePointer

    init?(_ markdown: String) {
        guard let parser = MarkdownRenderer.parser(feeding: markdown) else { return nil }
        defer { cmark_parser_free(parser) }
        guard let document = cmark_parser_finish(parser) else { return nil }
        root = document
    }

    deinit {
        cmark_node_free(root)
    }

    /// Every node below the root, in document order.
    var nodes: [OpaquePointer] { Self.nodes(below: root) }

    /// Every node below `root`, in document order.
    static func nodes(below root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var result: [OpaquePointer] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != root {
                result.append(node)
            }
        }
        return result
    }

    /// Whether `markdown` can hold a link or image: an inline one has `](`, a reference needs a
    /// definition's `]:`. Most notes and commentary have neither, and are not parsed for links.
    static func mayHaveLinks(_ markdown: String) -> Bool {
        ByteSearch.contains("](", in: markdown) || ByteSearch.contains("]:", in: markdown)
    }

    /// The links and images below `root` (a reference's node carries its definition's address).
    static func links(below root: OpaquePointer) -> [(node: OpaquePointer, url: String)] {
        nodes(below: root).compactMap { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return nil }
            return (node, cmark_node_get_url(node).map { String(cString: $0) } ?? "")
        }
    }

    /// The document as CommonMark, without line wrapping.
    var commonMark: String {
        guard let rendered = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The text of `node`'s descendants (an image's description).
    static func text(of node: OpaquePointer) -> String {
        nodes(below: node).compactMap { child in
            cmark_node_get_type(child) == CMARK_NODE_TEXT || cmark_node_get_type(child) == CMARK_NODE_CODE
                ? cmark_node_get_literal(child).map { String(cString: $0) } : nil
        }.joined()
    }

    /// Moves the children of `node` to just before it, then deletes it.
    static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_free(node)
    }
}
