import Foundation
import Mustache

/// A Mustache template parsed into a tree that renders marketnote's contexts (dictionaries,
/// arrays, strings, numbers) with plain type checks instead of swift-mustache's protocol casts.
///
/// swift-mustache stays the parser of record: a template is compiled only after it parsed there,
/// and only when it uses the core tags (variables, sections, inverted sections, comments, partials,
/// the content-type pragma). Set delimiters, inheritance, dynamic partials and transforms make
/// `init` return nil, and a value only swift-mustache can render (a lambda, a template) makes
/// `render` return nil; the caller then renders with swift-mustache. The parse and the rendering
/// mirror swift-mustache 2.x rule for rule (standalone lines, partial indentation, the content
/// type a partial starts with), so both give the same text; `CompiledTemplateTests` holds them
/// equal. One difference is deliberate: HTML escaping is marketnote's, on bytes, where
/// swift-mustache's default compares Characters and so leaves a `"` that a combining mark
/// follows, which would end an attribute value. Measured: swift-mustache's look-ups were a
/// quarter of a backfill's CPU (BENCHMARKS.md).
public struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    /// Nil when the template uses a tag this renderer leaves to swift-mustache, or does not parse.
    public init?(_ text: String) {
        var parser = CompiledTemplateParser(text)
        guard let nodes = try? parser.parse(sectionName: nil, newLine: true) else { return nil }
        self.nodes = nodes
    }

    /// The template rendered with `context`; nil when a value needs swift-mustache. `partials` are
    /// the library's compiled templates; `templateNames` tells a partial that exists but did not
    /// compile (swift-mustache then renders the whole template) from one that does not (empty).
    public func render(_ context: Any, partials: [String: CompiledTemplate], templateNames: Set<String>,
                       noting unresolved: UnresolvedVariables? = nil, templateName: String = "") -> String? {
        let rendered: RenderedString? = render(context, partials: partials, templateNames: templateNames,
                                               noting: unresolved, templateName: templateName)
        return rendered?.text
    }

    /// `render`'s text as UTF-8 bytes.
    public func renderedBytes(_ context: Any, partials: [String: CompiledTemplate], templateNames: Set<String>,
                              noting unresolved: UnresolvedVariables? = nil, templateName: String = "") -> [UInt8]? {
        let rendered: RenderedBytes? = render(context, partials: partials, templateNames: templateNames,
                                              noting: unresolved, templateName: templateName)
        return rendered?.bytes
    }

    func render<Output: RenderedText>(_ context: Any, partials: [String: CompiledTemplate], templateNames: Set<String>,
                                      noting unresolved: UnresolvedVariables?, templateName: String) -> Output? {
        let renderer = CompiledTemplateRenderer(partials: partials, templateNames: templateNames,
                                                unresolved: unresolved, templateName: templateName)
        let scope = RenderScope(stack: [ContextValue(context)], indentation: nil, contentType: HTMLContentType())
        return try? renderer.render(nodes, scope)
    }
}

/// A tag name split at its dots, as swift-mustache resolves it.
struct TagName: Sendable, Equatable {
    enum Anchor: Sendable, Equatable {
        /// `{{.}}`: the current object.
        case current
        /// `{{.name}}`: looked up in the current object only.
        case currentOnly
        /// `{{name}}`: the first object up the stack that has the first component.
        case stack
    }

    let raw: String
    /// The components, interned once here so that each look-up compares integers.
    let keys: [TemplateKey]
    let anchor: Anchor

    init(_ raw: String) {
        self.raw = raw
        keys = raw.split(separator: ".").map { TemplateKey(String($0)) }
        anchor = raw == "." ? .current : raw.first == "." ? .currentOnly : .stack
    }
}

indirect enum TemplateNode: Sendable {
    case text(String)
    case variable(TagName, escaped: Bool)
    case section(TagName, [TemplateNode], inverted: Bool)
    case partial(String, indentation: String?)
    /// `{{% CONTENT_TYPE: …}}`: `MustacheContentType` is `Sendable`.
    case contentType(any MustacheContentType)
}

/// Thrown where swift-mustache must take over: a tag or value outside the compiled subset.
struct LeftToMustache: Error {}

/// `{{% CONTENT_TYPE: TEXT}}`: nothing is escaped.
struct PlainTextContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}
