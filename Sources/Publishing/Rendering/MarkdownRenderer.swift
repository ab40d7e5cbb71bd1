import CCmarkGFM
import CMarkdownArena
import Foundation
import Newsletter

/// Markdown to HTML through the system libcmark-gfm, with the `table` and `tagfilter` extensions
/// only: `strikethrough` and `autolink` flip a process-global character table during every parse,
/// which corrupts output when two threads parse at once. Raw HTML stays off (safe mode).
public struct MarkdownRenderer: Sendable {
    /// Registers the core extensions once, before any thread can parse.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "tagfilter"]
    /// Tables align cells with `style` attributes: the HTML `align` attribute is obsolete.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    public init() {
        _ = Self.registered
    }

    /// cmark-gfm's allocator for a page's parse and rendering: the calling thread's arena
    /// (`CMarkdownArena`), which `html(_:root:)` begins and ends around them.
    nonisolated(unsafe) static let arena: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(calloc: marketnote_arena_calloc, realloc: marketnote_arena_realloc, free: marketnote_arena_free))
        return memory
    }()

    /// A parser with marketnote's options and extensions, already fed `markdown`; the caller
    /// finishes and frees it. Every parse in the tool goes through here, so none can differ.
    static func parser(feeding markdown: String, memory: UnsafeMutablePointer<cmark_mem> = cmark_get_default_mem_allocator()) -> OpaquePointer? {
        _ = registered
        guard let parser = cmark_parser_new_with_mem(options, memory) else { return nil }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        return parser
    }

    /// The HTML fragment for `markdown`, on a page `root` (`../../`) below the site's root: its
    /// relative addresses are read from the site's root (`RootRelativeLinks`).
    public func html(_ markdown: String, root: String = "") -> MarkupBytes {
        marketnote_arena_begin()
        defer { marketnote_arena_end() }
        return html(markdown, root: root, memory: Self.arena)
    }

    /// `html` with cmark-gfm's allocations from `memory` (the tests compare the arena with the
    /// system's allocator); an arena must be begun around it.
    func html(_ markdown: String, root: String, memory: UnsafeMutablePointer<cmark_mem>) -> MarkupBytes {
        guard let parser = Self.parser(feeding: markdown, memory: memory) else { return MarkupBytes("") }
        defer { cmark_parser_free(parser) }
        guard let document = cmark_parser_finish(parser) else { return MarkupBytes("") }
        defer { cmark_node_free(document) }
        RootRelativeLinks.prefix(document, markdown: markdown, root: root)
        // The parser's extension list must reach the renderer, or tagfilter is skipped.
        guard let rendered = cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return MarkupBytes("")
        }
        defer { memory.pointee.free(rendered) }
        return MostlyASCIIText.repaired(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                                          count: strlen(rendered)))
    }
}
