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
    public func render(_ context: Any, partials: [String: CompiledTemplate], templateNames: Set<String>) -> String? {
        let renderer = CompiledTemplateRenderer(partials: partials, templateNames: templateNames)
        let scope = RenderScope(stack: [context], indentation: nil, contentType: HTMLContentType())
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
    let components: [String]
    let anchor: Anchor

    init(_ raw: String) {
        self.raw = raw
        components = raw.split(separator: ".").map(String.init)
        anchor = raw == "." ? .current : raw.first == "." ? .currentOnly : .stack
    }
}

indirect enum TemplateNode: @unchecked Sendable {
    case text(String)
    case variable(TagName, escaped: Bool)
    case section(TagName, [TemplateNode], inverted: Bool)
    case partial(String, indentation: String?)
    /// `{{% CONTENT_TYPE: …}}`: `MustacheContentType` is `Sendable`.
    case contentType(any MustacheContentType)
}

/// Thrown where swift-mustache must take over: a tag or value outside the compiled subset.
struct LeftToMustache: Error {}

/// swift-mustache's template parser (Template+Parser.swift), ported rule for rule over Characters.
struct CompiledTemplateParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) { characters = Array(text) }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let configCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private var atEnd: Bool { position == characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    /// The nodes up to the end of the section `sectionName` (or of the text).
    mutating func parse(sectionName: String?, newLine startsOnNewLine: Bool) throws(LeftToMustache) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var newLine = startsOnNewLine
        var whitespaceBefore = ""
        while !atEnd {
            if newLine { whitespaceBefore = read { $0 == " " || $0 == "\t" } }
            let text = try readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(whitespaceBefore + text + String(current)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            /// Whitespace before a tag that is not alone on its line is text.
            func keepWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)); whitespaceBefore = "" }
            }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(newLine) { setNewLine = true } else { keepWhitespace() }
                let inner = try parse(sectionName: name.raw, newLine: setNewLine)
                nodes.append(.section(name, inner, inverted: inverted))
            case "/":
                position += 1
                let name = try readName()
                guard name.raw == sectionName else { throw LeftToMustache() }
                if !isStandalone(newLine) { keepWhitespace() }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{":
                keepWhitespace()
                position += 1
                let name = try readName()
                guard current == "}" else { throw LeftToMustache() }
                position += 1
                nodes.append(.variable(name, escaped: false))
            case "&":
                keepWhitespace()
                position += 1
                nodes.append(.variable(try readName(), escaped: false))
            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                guard current != "*" else { throw LeftToMustache() }
                let name = try readPartialName()
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(newLine) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whitespaceBefore = ""
            case "%":
                position += 1
                nodes.append(.contentType(try readContentType()))
                setNewLine = isStandalone(newLine)
            case "=", "<", "$":
                throw LeftToMustache()
            default:
                keepWhitespace()
                nodes.append(.variable(try readName(), escaped: true))
            }
            newLine = setNewLine
        }
        guard sectionName == nil else { throw LeftToMustache() }
        return nodes
    }

    private mutating func read(while belongs: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, belongs(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    /// Consumes `string` when the text continues with it.
    private mutating func read(_ string: String) throws(LeftToMustache) -> Bool {
        let expected = Array(string)
        guard characters.count - position >= expected.count else { throw LeftToMustache() }
        guard characters[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    /// Text up to a newline (left unread) or an opening `{{` (consumed).
    private mutating func readUntilTagOrNewline() throws(LeftToMustache) -> String {
        var text = ""
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if current == "{" {
                if try read("{{") { break }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    private mutating func readName() throws(LeftToMustache) -> TagName {
        _ = read(while: \.isWhitespace)
        let text = read { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard try read("}}"), !text.contains("("), !text.contains(")") else { throw LeftToMustache() }
        return TagName(text)
    }

    private mutating func readPartialName() throws(LeftToMustache) -> String {
        _ = read(while: \.isWhitespace)
        let text = read { Self.partialNameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard try read("}}") else { throw LeftToMustache() }
        return text
    }

    private mutating func skipComment() throws(LeftToMustache) {
        while !atEnd {
            if characters.count - position >= 2, try read("}}") { return }
            position += 1
        }
        throw LeftToMustache()
    }

    /// `{{% CONTENT_TYPE: NAME}}` for the content types marketnote registers.
    private mutating func readContentType() throws(LeftToMustache) -> any MustacheContentType {
        _ = read(while: \.isWhitespace)
        let variable = read { Self.configCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard current == ":" else { throw LeftToMustache() }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = read { Self.configCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard try read("}}"), variable == "CONTENT_TYPE" else { throw LeftToMustache() }
        switch value {
        case "HTML": return HTMLContentType()
        case "MARKDOWN": return MarkdownContentType()
        case "TEXT": return PlainTextContentType()
        default: throw LeftToMustache()
        }
    }

    /// A tag alone on its line: the line's end (and its newline) is consumed.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }
}

/// Where a node renders: the context stack, the partial's indentation, the escaping in force.
struct RenderScope {
    var stack: [Any]
    var indentation: String?
    var contentType: any MustacheContentType

    func pushing(_ object: Any) -> RenderScope {
        var scope = self
        scope.stack.append(object)
        return scope
    }
}

/// swift-mustache's rendering (Template+Render.swift) with fast paths for the value types
/// marketnote's contexts hold; any other value takes swift-mustache's own chain of casts.
struct CompiledTemplateRenderer {
    let partials: [String: CompiledTemplate]
    let templateNames: Set<String>

    func render(_ nodes: [TemplateNode], _ scope: RenderScope) throws(LeftToMustache) -> String {
        var scope = scope
        var output = ""
        if let indentation = scope.indentation, !indentation.isEmpty {
            for node in nodes {
                let text = try render(node, &scope)
                if !text.isEmpty, output.last == "\n" { output += indentation }
                output += text
            }
        } else {
            for node in nodes { output += try render(node, &scope) }
        }
        return output
    }

    private func render(_ node: TemplateNode, _ scope: inout RenderScope) throws(LeftToMustache) -> String {
        switch node {
        case .text(let text):
            return text
        case .variable(let name, let escaped):
            guard let value = try lookUp(name, in: scope.stack) else { return "" }
            let text = try display(value)
            return escaped ? scope.contentType.escapeText(text) : text
        case .section(let name, let nodes, let inverted):
            let value = try lookUp(name, in: scope.stack)
            return inverted ? try renderInverted(value, nodes, scope) : try renderSection(value, nodes, scope)
        case .partial(let name, let indentation):
            guard let partial = partials[name] else {
                if templateNames.contains(name) { throw LeftToMustache() }
                return ""
            }
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            inner.contentType = HTMLContentType()
            return try render(partial.nodes, inner)
        case .contentType(let contentType):
            scope.contentType = contentType
            return ""
        }
    }

    private func renderSection(_ value: Any?, _ nodes: [TemplateNode], _ scope: RenderScope) throws(LeftToMustache) -> String {
        switch SectionValue(value) {
        case .absent, .null: return ""
        case .flag(let flag): return flag ? try render(nodes, scope) : ""
        case .elements(let elements):
            var output = ""
            for element in elements { output += try render(nodes, scope.pushing(element)) }
            return output
        case .object(let object): return try render(nodes, scope.pushing(object))
        }
    }

    private func renderInverted(_ value: Any?, _ nodes: [TemplateNode], _ scope: RenderScope) throws(LeftToMustache) -> String {
        switch SectionValue(value) {
        case .absent, .null: return try render(nodes, scope)
        case .flag(let flag): return flag ? "" : try render(nodes, scope)
        case .elements(let elements): return elements.isEmpty ? try render(nodes, scope.pushing(value!)) : ""
        case .object: return ""
        }
    }

    /// The text of a variable's value before escaping, as swift-mustache prints it.
    private func display(_ value: Any) throws(LeftToMustache) -> String {
        // An exact String; a String inside an Optional prints as swift-mustache unwraps it, below.
        if type(of: value) == String.self { return value as! String }
        if value is MustacheLambda || value is MustacheTemplate { throw LeftToMustache() }
        if let renderable = value as? MustacheCustomRenderable { return renderable.renderText }
        if let optional = value as? OptionalValue, let wrapped = optional.wrappedValue { return String(describing: wrapped) }
        return String(describing: value)
    }

    /// swift-mustache's name resolution: the first component up the stack, then down its dots.
    private func lookUp(_ name: TagName, in stack: [Any]) throws(LeftToMustache) -> Any? {
        var found: Any?
        switch name.anchor {
        case .current:
            found = stack.last
        case .currentOnly:
            found = try descend(name.components[...], from: stack[stack.count - 1])
        case .stack:
            guard let first = name.components.first else { found = stack.last; break }
            for object in stack.reversed() {
                if let child = Self.child(first, of: object) {
                    found = try descend(name.components.dropFirst(), from: child)
                    break
                }
            }
        }
        guard let value = found else { return nil }
        if FastType.isPlain(value) { return value }
        if let custom = value as? MustacheCustomRepresentation { return custom.representation }
        return value
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) throws(LeftToMustache) -> Any? {
        guard let name = names.first else { return object }
        if !FastType.isPlain(object), object is MustacheLambda { throw LeftToMustache() }
        guard let child = Self.child(name, of: object) else { return nil }
        return try descend(names.dropFirst(), from: child)
    }

    private static func child(_ name: String, of object: Any) -> Any? {
        let type = type(of: object)
        if type == [String: Any].self { return (object as! [String: Any])[name] }
        if type == [String: String].self { return (object as! [String: String])[name] }
        if type == String.self { return nil }  // a String has no children to reflect
        let represented: Any? = (object as? MustacheCustomRepresentation).map(\.representation) ?? object
        if let parent = represented as? MustacheParent { return parent.child(named: name) }
        guard let represented else { return nil }
        guard let match = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: match.value)
        guard mirror.displayStyle == .optional else { return match.value }
        return mirror.children.first?.value
    }
}

/// The value types marketnote's contexts are made of, recognised by their exact type: a metatype
/// comparison, where a cast to `[String: Any]` converts any other dictionary element by element.
enum FastType {
    static func isPlain(_ value: Any) -> Bool {
        let type = type(of: value)
        return type == String.self || type == [String: Any].self || type == [String: String].self || type == Bool.self
            || type == [[String: Any]].self || type == [String].self
    }
}

/// How a section treats its value, in swift-mustache's order: a sequence repeats it, a Bool
/// shows or hides it, a null renderable hides it, any other value becomes the current object.
enum SectionValue {
    case absent
    case null
    case flag(Bool)
    case elements([Any])
    case object(Any)

    init(_ value: Any?) {
        guard let value else { self = .absent; return }
        let type = type(of: value)
        if type == String.self || type == [String: Any].self || type == [String: String].self { self = .object(value); return }
        if type == Bool.self { self = .flag(value as! Bool); return }
        if type == [[String: Any]].self { self = .elements(value as! [[String: Any]]); return }
        if type == [String].self { self = .elements(value as! [String]); return }
        if let sequence = value as? any MustacheSequence { self = .elements(Self.elements(of: sequence)); return }
        if let flag = value as? Bool { self = .flag(flag); return }
        if let renderable = value as? MustacheCustomRenderable, renderable.isNull { self = .null; return }
        self = .object(value)
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }
}

/// An Optional seen through `Any`, to print its wrapped value as swift-mustache does.
private protocol OptionalValue { var wrappedValue: Any? { get } }
extension Optional: OptionalValue { var wrappedValue: Any? { self } }

/// `{{% CONTENT_TYPE: TEXT}}`: nothing is escaped.
struct PlainTextContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}
