import Foundation
import Mustache

/// Where a node renders: the context stack, the partial's indentation, the escaping in force.
struct RenderScope {
    var stack: [ContextValue]
    var indentation: String?
    var contentType: any MustacheContentType
}

/// swift-mustache's rendering (Template+Render.swift) with fast paths for the value types
/// marketnote's contexts hold; any other value takes swift-mustache's own chain of casts.
struct CompiledTemplateRenderer {
    let partials: [String: CompiledTemplate]
    let templateNames: Set<String>
    /// Where a variable tag that matched no value is noted, under `templateName` (nil: not noted,
    /// as for phrases, whose missing values print nothing on purpose).
    var unresolved: UnresolvedVariables? = nil
    var templateName = ""

    func render<Output: RenderedText>(_ nodes: [TemplateNode], _ scope: RenderScope) throws(LeftToMustache) -> Output {
        var output = Output()
        try render(nodes, scope, into: &output)
        return output
    }

    /// `nodes` appended to `output`. Under a partial's indentation, a node that prints something
    /// after a line this rendering ended is indented (swift-mustache indents at node boundaries).
    private func render<Output: RenderedText>(_ nodes: [TemplateNode], _ scope: RenderScope, into output: inout Output) throws(LeftToMustache) {
        var scope = scope
        if let indentation = scope.indentation, !indentation.isEmpty {
            let start = output.count
            for node in nodes {
                let mark = output.count
                let indents = output.endsLine(since: start)
                if indents { output.append(indentation) }
                let before = output.count
                try render(node, &scope, into: &output)
                if indents && output.count == before { output.removeAll(from: mark) }
            }
        } else {
            for node in nodes { try render(node, &scope, into: &output) }
        }
    }

    private func render<Output: RenderedText>(_ node: TemplateNode, _ scope: inout RenderScope, into output: inout Output) throws(LeftToMustache) {
        switch node {
        case .text(let text):
            output.append(text)
        case .variable(let name, let escaped):
            guard let value = try lookUp(name, in: scope.stack) else {
                unresolved?.note(name.raw, in: templateName)
                return
            }
            if !escaped, case .markup(let markup) = value {
                output.append(markup)
                return
            }
            let text = try display(value)
            output.append(escaped ? scope.contentType.escapeText(text) : text)
        case .section(let name, let nodes, let inverted):
            let value = try lookUp(name, in: scope.stack)
            if inverted { try renderInverted(value, nodes, &scope, into: &output) }
            else { try renderSection(value, nodes, &scope, into: &output) }
        case .partial(let name, let indentation):
            guard let partial = partials[name] else {
                if templateNames.contains(name) { throw LeftToMustache() }
                return
            }
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            inner.contentType = HTMLContentType()
            var renderer = self
            renderer.templateName = name
            try renderer.render(partial.nodes, inner, into: &output)
        case .contentType(let contentType):
            scope.contentType = contentType
        }
    }

    /// Each element of a list is a rendering of its own: its first node is not indented.
    private func renderSection<Output: RenderedText>(_ value: ContextValue?, _ nodes: [TemplateNode], _ scope: inout RenderScope,
                                                     into output: inout Output) throws(LeftToMustache) {
        switch SectionValue(value) {
        case .absent, .null: return
        case .flag(let flag): if flag { try render(nodes, scope, into: &output) }
        case .dictionaries(let elements):
            for element in elements { try render(nodes, on: .dictionary(element), &scope, into: &output) }
        case .objects(let elements):
            for element in elements { try render(nodes, on: .object(element), &scope, into: &output) }
        case .texts(let elements): for element in elements { try render(nodes, on: .text(element), &scope, into: &output) }
        case .elements(let elements):
            for element in elements { try render(nodes, on: ContextValue(element), &scope, into: &output) }
        case .object(let object): try render(nodes, on: object, &scope, into: &output)
        }
    }

    private func renderInverted<Output: RenderedText>(_ value: ContextValue?, _ nodes: [TemplateNode], _ scope: inout RenderScope,
                                                      into output: inout Output) throws(LeftToMustache) {
        let section = SectionValue(value)
        switch section {
        case .absent, .null: try render(nodes, scope, into: &output)
        case .flag(let flag): if !flag { try render(nodes, scope, into: &output) }
        case .dictionaries, .objects, .texts, .elements:
            if section.isEmptyList { try render(nodes, on: value!, &scope, into: &output) }
        case .object: return
        }
    }

    /// `nodes` rendered with `object` on top of the stack, pushed on the section's scope and
    /// popped after, so that the stack is copied once a section, not once an element (a scope
    /// copied with one object more copied its stack into a new array).
    private func render<Output: RenderedText>(_ nodes: [TemplateNode], on object: ContextValue, _ scope: inout RenderScope,
                                              into output: inout Output) throws(LeftToMustache) {
        scope.stack.append(object)
        defer { scope.stack.removeLast() }
        try render(nodes, scope, into: &output)
    }

    /// The text of a variable's value before escaping, as swift-mustache prints it.
    private func display(_ value: ContextValue) throws(LeftToMustache) -> String {
        // An exact String; a String inside an Optional prints as swift-mustache unwraps it, below.
        switch value {
        case .text(let text): return text
        case .markup(let markup): return markup.text
        default: return try display(other: value.any)
        }
    }

    private func display(other value: Any) throws(LeftToMustache) -> String {
        if value is MustacheLambda || value is MustacheTemplate { throw LeftToMustache() }
        if let renderable = value as? MustacheCustomRenderable { return renderable.renderText }
        if let optional = value as? OptionalValue, let wrapped = optional.wrappedValue { return String(describing: wrapped) }
        return String(describing: value)
    }

    /// swift-mustache's name resolution: the first component up the stack, then down its dots.
    private func lookUp(_ name: TagName, in stack: [ContextValue]) throws(LeftToMustache) -> ContextValue? {
        let found: ContextValue?
        switch name.anchor {
        case .current:
            found = stack.last
        case .currentOnly:
            found = try descend(name.keys, from: 0, of: stack[stack.count - 1])
        case .stack:
            found = try firstUpTheStack(name.keys, in: stack)
        }
        guard let value = found else { return nil }
        if case .other(let other) = value, let custom = other.value as? MustacheCustomRepresentation {
            return custom.representation.map(ContextValue.init)  // nil (NSNull's) is no value
        }
        return value
    }

    /// The first object up the stack with `names[0]`, then down the rest. By index: iterating the
    /// stack copied each object searched, 135 M instructions a backfill (0.9%, callgrind).
    private func firstUpTheStack(_ names: [TemplateKey], in stack: [ContextValue]) throws(LeftToMustache) -> ContextValue? {
        guard let first = names.first else { return stack.last }
        var index = stack.count - 1
        while index >= 0 {
            if let child = Self.child(first, of: stack[index]) {
                return names.count == 1 ? child : try descend(names, from: 1, of: child)
            }
            index -= 1
        }
        return nil
    }

    private func descend(_ names: [TemplateKey], from start: Int, of object: ContextValue) throws(LeftToMustache) -> ContextValue? {
        var object = object
        for index in start..<names.count {
            if case .other(let other) = object, other.value is MustacheLambda { throw LeftToMustache() }
            guard let child = Self.child(names[index], of: object) else { return nil }
            object = child
        }
        return object
    }

    private static func child(_ name: TemplateKey, of value: ContextValue) -> ContextValue? {
        switch value {
        case .object(let object): return object[name]
        case .dictionary(let dictionary): return dictionary[name.name].map(ContextValue.init)
        case .textDictionary(let dictionary): return dictionary[name.name].map(ContextValue.text)
        case .text, .markup, .flag, .dictionaries, .objects, .texts: return nil  // nothing with a label for Mirror to find
        case .other(let object): return child(name.name, ofOther: object.value).map(ContextValue.init)
        }
    }

    private static func child(_ name: String, ofOther object: Any) -> Any? {
        let represented: Any? = (object as? MustacheCustomRepresentation).map(\.representation) ?? object
        if let parent = represented as? MustacheParent { return parent.child(named: name) }
        guard let represented else { return nil }
        guard let match = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: match.value)
        guard mirror.displayStyle == .optional else { return match.value }
        return mirror.children.first?.value
    }
}

/// A context value as the renderer holds it: the value types marketnote's contexts are made of.
/// marketnote builds its contexts of them (`TemplateObject`); in a context of plain values (a
/// `[String: Any]`), they are recognised by their exact type and unwrapped once, when the value
/// is looked up (a metatype comparison, where a cast to `[String: Any]` converts any other
/// dictionary element by element); any other value is kept as it came. None of the plain types
/// is a lambda, a custom representation or a custom renderable, so each takes the shortest path
/// through swift-mustache's rules. Measured: checking a value's type and casting it from `Any`
/// again wherever it was used (each object of the stack a name was looked for in, display,
/// sections) cost 1.7% of a backfill's instructions (callgrind).
public enum ContextValue {
    case text(String)
    /// Printed as it is by `{{{name}}}` into a page's bytes; anywhere else, as its text.
    case markup(MarkupBytes)
    case object(TemplateObject)
    case dictionary([String: Any])
    case textDictionary([String: String])
    case flag(Bool)
    case objects([TemplateObject])
    case dictionaries([[String: Any]])
    case texts([String])
    /// Boxed, so that copying a `ContextValue` is a retain: with an `Any` in it, each copy went
    /// through the value's type, about 150 instructions (callgrind).
    case other(BoxedValue)

    public init(_ value: Any) {
        let type = type(of: value)
        if type == String.self { self = .text(value as! String) }
        else if type == MarkupBytes.self { self = .markup(value as! MarkupBytes) }
        else if type == TemplateObject.self { self = .object(value as! TemplateObject) }
        else if type == [TemplateObject].self { self = .objects(value as! [TemplateObject]) }
        else if type == [String: Any].self { self = .dictionary(value as! [String: Any]) }
        else if type == [String: String].self { self = .textDictionary(value as! [String: String]) }
        else if type == Bool.self { self = .flag(value as! Bool) }
        else if type == [[String: Any]].self { self = .dictionaries(value as! [[String: Any]]) }
        else if type == [String].self { self = .texts(value as! [String]) }
        else { self = .other(BoxedValue(value)) }
    }

    /// The value as it came, for swift-mustache's rules.
    var any: Any {
        switch self {
        case .text(let value): value
        case .markup(let value): value.text
        case .object(let value): value
        case .objects(let value): value
        case .dictionary(let value): value
        case .textDictionary(let value): value
        case .flag(let value): value
        case .dictionaries(let value): value
        case .texts(let value): value
        case .other(let box): box.value
        }
    }
}

/// A value of a type the renderer has no case for.
public final class BoxedValue {
    let value: Any
    public init(_ value: Any) { self.value = value }
}

/// How a section treats its value, in swift-mustache's order: a sequence repeats it, a Bool
/// shows or hides it, a null renderable hides it, any other value becomes the current object.
enum SectionValue {
    case absent
    case null
    case flag(Bool)
    case dictionaries([[String: Any]])
    case objects([TemplateObject])
    case texts([String])
    case elements([Any])
    case object(ContextValue)

    init(_ value: ContextValue?) {
        guard let value else { self = .absent; return }
        switch value {
        case .text, .markup, .object, .dictionary, .textDictionary: self = .object(value)
        case .flag(let flag): self = .flag(flag)
        case .objects(let elements): self = .objects(elements)
        case .dictionaries(let elements): self = .dictionaries(elements)
        case .texts(let elements): self = .texts(elements)
        case .other(let box):
            let other = box.value
            if let sequence = other as? any MustacheSequence { self = .elements(Self.elements(of: sequence)); return }
            if let flag = other as? Bool { self = .flag(flag); return }
            if let renderable = other as? MustacheCustomRenderable, renderable.isNull { self = .null; return }
            self = .object(value)
        }
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }

    /// A list with no elements, which an inverted section shows.
    var isEmptyList: Bool {
        switch self {
        case .dictionaries(let elements): elements.isEmpty
        case .objects(let elements): elements.isEmpty
        case .texts(let elements): elements.isEmpty
        case .elements(let elements): elements.isEmpty
        case .absent, .null, .flag, .object: false
        }
    }
}

/// Where a rendering appends its text, all of it in one place: each section's text was a String
/// appended again to its parent's, about 400 instructions an append (callgrind).
protocol RenderedText {
    init()
    /// The length so far, in UTF-8 bytes.
    var count: Int { get }
    mutating func append(_ text: String)
    mutating func append(_ markup: MarkupBytes)
    /// Drops what was appended from the UTF-8 offset `index` on.
    mutating func removeAll(from index: Int)
    /// Whether what was appended since the UTF-8 offset `start` ends a line: its last Character
    /// is "\n", which a "\r" before it would make "\r\n".
    func endsLine(since start: Int) -> Bool
}

extension RenderedText {
    init(_ text: String) {
        self.init()
        append(text)
    }
}

/// A rendering as a String.
struct RenderedString: RenderedText {
    var text = ""

    var count: Int { text.utf8.count }

    mutating func append(_ text: String) { self.text += text }

    mutating func append(_ markup: MarkupBytes) { text += markup.text }

    mutating func removeAll(from index: Int) {
        text.removeSubrange(text.utf8.index(text.startIndex, offsetBy: index)...)
    }

    func endsLine(since start: Int) -> Bool {
        let utf8 = text.utf8
        let last = utf8.count - 1
        guard last >= start, utf8.last == 0x0A else { return false }
        return last == start || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != 0x0D
    }
}

/// A rendering as UTF-8 bytes, for a file or for markup another template prints: made of
/// Strings and markup, they need no check that they are UTF-8, which a String made of them would
/// get.
struct RenderedBytes: RenderedText {
    var bytes: [UInt8] = []

    /// Room for a note's page (about 13 KB), so that it is not copied each time it doubles.
    init() { bytes.reserveCapacity(16_384) }

    var count: Int { bytes.count }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ markup: MarkupBytes) { bytes.append(contentsOf: markup.bytes) }

    mutating func removeAll(from index: Int) { bytes.removeSubrange(index...) }

    func endsLine(since start: Int) -> Bool {
        let last = bytes.count - 1
        guard last >= start, bytes[last] == 0x0A else { return false }
        return last == start || bytes[last - 1] != 0x0D
    }
}

/// An Optional seen through `Any`, to print its wrapped value as swift-mustache does.
private protocol OptionalValue { var wrappedValue: Any? { get } }
extension Optional: OptionalValue { var wrappedValue: Any? { self } }

/// The variable tags of a library's templates that matched no value, with how often: Mustache
/// prints nothing for them, so `{{bodyy}}` published pages without their note and said nothing.
/// Shared by the threads that render; a tag that resolves costs nothing here.
public final class UnresolvedVariables: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: [String: Int]] = [:]

    func note(_ tag: String, in template: String) {
        lock.withLock { counts[template, default: [:]][tag, default: 0] += 1 }
    }

    /// (template, tag, times), by template then tag.
    public var all: [(template: String, tag: String, times: Int)] {
        lock.withLock {
            counts.sorted { $0.key < $1.key }.flatMap { template, tags in
                tags.sorted { $0.key < $1.key }.map { (template, $0.key, $0.value) }
            }
        }
    }
}
