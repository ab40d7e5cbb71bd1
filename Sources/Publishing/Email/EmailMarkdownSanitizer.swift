import CCmarkGFM

/// Makes Markdown fit to send: every link absolute (or dropped, keeping its text), every image a
/// link to the picture (an email must not fetch from the network), and no raw HTML. Markdown that
/// already complies is returned as it is; otherwise the edited syntax tree is written back.
struct EmailMarkdownSanitizer {
    let links: LinkResolver

    func sanitize(_ markdown: String) -> String {
        guard let tree = MarkdownTree(markdown) else { return markdown }
        var changed = false
        for node in tree.nodes {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK:
                changed = fixLink(node) || changed
            case CMARK_NODE_IMAGE:
                replaceImage(node)
                changed = true
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                cmark_node_free(node)
                changed = true
            default:
                break
            }
        }
        return changed ? tree.commonMark : markdown
    }

    /// Makes a link's destination absolute, or removes the link around its text; true if it changed.
    private func fixLink(_ node: OpaquePointer) -> Bool {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        guard let absolute = links.absolute(url) else {
            MarkdownTree.unwrap(node)
            return true
        }
        guard absolute != url else { return false }
        cmark_node_set_url(node, absolute)
        return true
    }

    /// `![alt](src)` becomes `[alt](absolute src)`, or the alt text alone when src has no absolute form.
    private func replaceImage(_ image: OpaquePointer) {
        let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
        guard let absolute = links.absolute(url), let link = cmark_node_new(CMARK_NODE_LINK) else {
            MarkdownTree.unwrap(image)
            return
        }
        cmark_node_set_url(link, absolute)
        cmark_node_set_title(link, cmark_node_get_title(image))
        while let child = cmark_node_first_child(image) {
            cmark_node_append_child(link, child)
        }
        if cmark_node_first_child(link) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(text, "image")
            cmark_node_append_child(link, text)
        }
        cmark_node_insert_before(image, link)
        cmark_node_free(image)
    }
}
