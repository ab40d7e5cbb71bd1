import Foundation
import MarketData
import Mustache
import Yams

/// The wording of the narrative: Mustache sentences keyed by dotted names (`record.streak`), each
/// with one or more alternatives. Which sentence applies is decided in Swift; the words live in
/// `phrases.yml`, which a project can override.
public struct Phrasebook: Sendable {
    private(set) var phrases: [String: [Phrase]]
    /// Keys of the file that `fallback` does not have: no sentence asks for them, so each is most
    /// likely a misspelt key whose wording would silently not be used.
    public private(set) var warnings: [Diagnostic] = []
    /// The project's phrases' variable tags that matched no value in a build (a project's
    /// phrase file only: the shipped phrases are checked by the tests).
    let unmatched: UnmatchedPhraseValues?

    /// Parses a phrase file; a key missing from it falls back to `fallback` (the shipped wording).
    /// A phrase written as `fallback` words it is `fallback`'s, already compiled and not checked
    /// again (a project that rewords a few phrases paid to compile and check all of them: 0.077 s
    /// a daily run against 0.065 s); `checksEveryPhrase` checks those too, for the tests of the
    /// shipped wording.
    public init(yaml: String, path: String, fallback: Phrasebook? = nil, checksEveryPhrase: Bool = false) throws(DiagnosticReport) {
        let reader = YAMLReader(path: path)
        guard let root = reader.root(of: yaml, typed: false) else { throw DiagnosticReport(reader.diagnostics.diagnostics) }
        var phrases = fallback?.phrases ?? [:]
        var diagnostics = reader.diagnostics
        var locations: [(String, SourceLocation)] = []
        Self.collect(root.node, prefix: "", into: &phrases, locations: &locations, path: path, checked: fallback != nil,
                     shipped: checksEveryPhrase ? nil : fallback?.phrases, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        self.phrases = phrases
        unmatched = fallback == nil ? nil : UnmatchedPhraseValues()
        if let fallback {
            warnings = locations.filter { fallback.phrases[$0.0] == nil }.map { name, location in
                .init(.warning, at: location, "unknown phrase '\(name)': no sentence uses it, so its wording is never printed",
                      hint: EditDistance.suggestion(for: name, among: fallback.phrases.keys)
                          ?? EditDistance.suggestion(forLastPartOf: name, among: fallback.phrases.keys)
                          ?? "the keys are those of the shipped templates/phrases.yml")
            }
        }
    }

    /// The shipped wording.
    public static let standard: Phrasebook = {
        do { return try Phrasebook(yaml: DefaultTemplates.files["phrases.yml"]!, path: "phrases.yml") } catch {
            fatalError("the shipped phrases.yml does not parse: \(error)")
        }
    }()

    public var keys: [String] { phrases.keys.sorted() }

    /// Renders phrase `key` with `values`, and `names` for the names `values` does not hold (a
    /// series' names, shared by the items of a list without a copy for each); the alternative is
    /// chosen by `variant` (the note's date), with a stable hash so that output does not change
    /// between runs.
    public func render(_ key: String, _ values: [String: String], names: [String: String]? = nil, variant: Int = 0) -> String {
        guard let alternatives = phrases[key], !alternatives.isEmpty else {
            preconditionFailure("no phrase '\(key)'")
        }
        if let unmatched, alternatives[0].checked != nil { unmatched.check(key, alternatives, given: values, names: names) }
        let choice = alternatives[Int((UInt64(bitPattern: Int64(variant)) &+ StableHash.of(key)) % UInt64(alternatives.count))]
        // A flat phrase prints an empty value as nothing, like a missing one, so it needs neither
        // the filtered copy below nor capitals (perf: the copy was about 1% of a backfill).
        if let flat = choice.flat, choice.capitalizedNames.isEmpty { return flat.render(values, names: names) }
        // An empty value is a missing one, so `{{#name}}…{{/name}}` sections skip it.
        var context = values.filter { !$0.value.isEmpty }
        for (name, value) in names ?? [:] where context[name] == nil && !value.isEmpty { context[name] = value }
        for (name, capitalizedName) in choice.capitalizedNames {
            if let value = context[name] { context[capitalizedName] = Phrase.capitalized(value) }
        }
        switch choice.form {
        case .flat(let flat): return flat.render(context)
        // Nil only for a value swift-mustache must render (a lambda): a phrase's values are strings.
        case .compiled(let compiled): return compiled.render(context, partials: [:], templateNames: []) ?? ""
        case .mustache(let template): return template.render(context)
        }
    }

    public func has(_ key: String) -> Bool { phrases[key] != nil }

    /// The warnings for the project's phrase tags that matched no value, after a build.
    public func unmatchedValueWarnings() -> [Diagnostic] {
        unmatched?.warnings() ?? []
    }

    /// Reads every phrase of `mapping` into `phrases`, and the key and position of each into
    /// `locations`; a `checked` phrase keeps its top-level variable names for `unmatched`. A phrase
    /// whose alternatives read as `shipped`'s do is `shipped`'s.
    private static func collect(_ mapping: Node.Mapping, prefix: String, into phrases: inout [String: [Phrase]],
                                locations: inout [(String, SourceLocation)], path: String, checked: Bool,
                                shipped: [String: [Phrase]]?, diagnostics: inout DiagnosticCollector) {
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let name = prefix.isEmpty ? key : prefix + "." + key
            let location = SourceLocation(path: path, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1)
            if case .mapping = value {} else {
                locations.append((name, SourceLocation(path: path, line: keyNode.mark?.line ?? 1, column: keyNode.mark?.column ?? 1)))
            }
            let texts: [String]? = switch value {
            case .scalar(let scalar): [scalar.string]
            case .sequence(let items): items.map { $0.string ?? "" }
            default: nil
            }
            if let texts, let same = shipped?[name], same.map(\.text) == texts {
                phrases[name] = same
                continue
            }
            switch value {
            case .mapping(let nested):
                collect(nested, prefix: name, into: &phrases, locations: &locations, path: path, checked: checked,
                        shipped: shipped, diagnostics: &diagnostics)
            case .scalar(let scalar):
                if let template = compile(scalar.string, at: location, checked: checked, &diagnostics) { phrases[name] = [template] }
            case .sequence(let items):
                // A list without a sentence left nothing to choose from when a note asked for it.
                guard !items.isEmpty else {
                    diagnostics.report(.error(at: location, "the phrase '\(name)' lists no sentence",
                                              hint: "give it one sentence or a list of alternatives, or delete the key to keep the shipped wording"))
                    continue
                }
                phrases[name] = items.compactMap { item in
                    let at = SourceLocation(path: path, line: item.mark?.line ?? location.line, column: item.mark?.column ?? location.column)
                    guard let text = item.string else {
                        diagnostics.report(.error(at: at, "an alternative of the phrase '\(name)' is not a sentence",
                                                  hint: "each item of the list is one sentence, written as text"))
                        return nil
                    }
                    return compile(text, at: at, checked: checked, &diagnostics)
                }
            case .alias:
                diagnostics.report(.error(at: location, "aliases are not supported in phrases"))
            }
        }
    }

    private static func compile(_ text: String, at location: SourceLocation, checked: Bool,
                                _ diagnostics: inout DiagnosticCollector) -> Phrase? {
        do {
            let source = "{{% CONTENT_TYPE: TEXT}}" + text
            let form: Phrase.Form = if let flat = FlatPhrase(text) {
                .flat(flat)
            } else if let compiled = CompiledTemplate(source) {
                .compiled(compiled)
            } else {
                .mustache(try MustacheTemplate(string: source))
            }
            return Phrase(text: text, form: form, checkedAt: checked ? location : nil)
        } catch {
            // The cause in words, as for a template ("a tag is not finished"), not the parser's dump.
            let cause = (error as? MustacheTemplate.ParserError).map { TemplateLibrary.describe($0.error) } ?? "\(error)"
            diagnostics.report(.error(at: location, "the phrase is not a valid Mustache template: \(cause)",
                                      hint: "near: \(text.prefix(60)); close every tag with }} and every {{#section}} with its {{/section}}"))
            return nil
        }
    }
}

/// One alternative of a phrase, with the capitalized names it uses (`{{Focus}}` is `focus` with a
/// capital letter), so only those values are capitalized when it is rendered.
struct Phrase: Sendable {
    /// The phrase as written in its file.
    let text: String
    let form: Form
    /// (name, capitalized name) for each `{{Name}}` the phrase holds.
    let capitalizedNames: [(String, String)]
    /// A project's phrase: its variable tags outside any section, and where it is written.
    let checked: (variables: [CheckedName], location: SourceLocation)?

    /// `text` in its `form`; a project's phrase is `checkedAt` its place in the file. A flat phrase's
    /// tags are the names of its values, all outside any section, so its text is not scanned again.
    init(text: String, form: Form, checkedAt location: SourceLocation?) {
        self.text = text
        self.form = form
        let names: [Substring], variables: () -> [String]
        if case .flat(let flat) = form {
            names = flat.names.map { $0[...] }
            variables = { flat.names.reduce(into: []) { unique, name in if !unique.contains(name) { unique.append(name) } } }
        } else {
            names = Self.tagNames(in: text)
            variables = { Self.topLevelVariables(in: text) }
        }
        capitalizedNames = Self.capitalizedNames(among: names)
        checked = location.map { (variables().map(CheckedName.init), $0) }
    }

    /// A variable tag's name and, for a capitalised one (`{{Short}}`), the value it stands for
    /// (`short`), worked out once: the check runs on every rendering.
    struct CheckedName: Sendable {
        let name: String
        let lowercased: String?

        init(_ name: String) {
            self.name = name
            lowercased = name.first.map { $0.isUppercase ? $0.lowercased() + name.dropFirst() : nil } ?? nil
        }

        func isGiven(in values: [String: String]) -> Bool {
            values[name] != nil || lowercased.map { values[$0] != nil } ?? false
        }
    }

    enum Form: Sendable {
        /// Text and `{{name}}` tags, most phrases: a template of Mustache's by its grammar, so it is
        /// put together without a parser (swift-mustache's parse of the 156 shipped ones was 4.5%
        /// of a daily build's instructions).
        case flat(FlatPhrase)
        /// With sections, read by marketnote's port of swift-mustache's parser, which refuses
        /// what swift-mustache refuses (`CompiledTemplateTests`): the 68 shipped ones parsed by both
        /// were 3.5% of a daily build's instructions.
        case compiled(CompiledTemplate)
        /// With a tag only swift-mustache reads, or one it reports as an error.
        case mustache(MustacheTemplate)
    }

    var flat: FlatPhrase? {
        if case .flat(let flat) = form { flat } else { nil }
    }

    var compiled: CompiledTemplate? {
        if case .compiled(let compiled) = form { compiled } else { nil }
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Every tag of `text`, in order: the character after its `{{` (nil at the text's end) and
    /// the name after `{{`, `{{#`, `{{^`, `{{/`, `{{&` or `{{{`. Read on bytes where that finds
    /// what reading Characters finds (`tagsOnBytes`): on Characters, the 68 shipped phrases with
    /// sections took about 11 M instructions a process (callgrind).
    static func tags(in text: String) -> [(kind: Character?, name: Substring)] {
        tagsOnBytes(in: text) ?? tagsOnCharacters(in: text)
    }

    /// `tags(in:)` by its definition, on Characters.
    static func tagsOnCharacters(in text: String) -> [(kind: Character?, name: Substring)] {
        text.split(separator: "{{", omittingEmptySubsequences: false).dropFirst().map { piece in
            (piece.first, piece.drop { "#^/&{ ".contains($0) }.prefix { $0 != "}" && $0 != " " })
        }
    }

    /// `tags(in:)` on UTF-8; nil when a byte the scan stops at or steps over (a brace, a sigil or
    /// space it drops, the brace or space that ends a name) has a non-ASCII byte beside it, since
    /// a mark after it, or a prepended character before it, makes it part of a larger Character,
    /// which the definition compares whole.
    static func tagsOnBytes(in text: String) -> [(kind: Character?, name: Substring)]? {
        let bytes = Array(text.utf8)
        func isPlain(_ index: Int) -> Bool {
            (index == 0 || bytes[index - 1] < 0x80) && (index + 1 >= bytes.count || bytes[index + 1] < 0x80)
        }
        var starts: [Int] = [], index = 0
        while index < bytes.count {
            guard bytes[index] == 0x7B else { index += 1; continue }
            guard isPlain(index) else { return nil }
            if index + 1 < bytes.count, bytes[index + 1] == 0x7B {
                guard isPlain(index + 1) else { return nil }
                starts.append(index + 2)
                index += 2
            } else {
                index += 1
            }
        }
        let offset = { (byte: Int) in text.utf8.index(text.utf8.startIndex, offsetBy: byte) }
        var tags: [(kind: Character?, name: Substring)] = []
        for (number, start) in starts.enumerated() {
            let end = number + 1 < starts.count ? starts[number + 1] - 2 : bytes.count
            var nameStart = start
            while nameStart < end, isDroppedBeforeName(bytes[nameStart]) {
                guard isPlain(nameStart) else { return nil }
                nameStart += 1
            }
            var nameEnd = nameStart
            while nameEnd < end, bytes[nameEnd] != 0x7D, bytes[nameEnd] != 0x20 { nameEnd += 1 }
            if nameEnd < end { guard isPlain(nameEnd) else { return nil } }
            tags.append((start < end ? text[offset(start)...].first : nil, text[offset(nameStart)..<offset(nameEnd)]))
        }
        return tags
    }

    /// `#`, `^`, `/`, `&`, `{` and space, which `tagsOnCharacters` drops before a name.
    private static func isDroppedBeforeName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x23, 0x5E, 0x2F, 0x26, 0x7B, 0x20: true
        default: false
        }
    }

    /// The names after `{{`, `{{#`, `{{^`, `{{/`, `{{&` or `{{{`, in order, repeats included.
    static func tagNames(in text: String) -> [Substring] {
        tags(in: text).map(\.name)
    }

    /// The names of the variable tags outside every section (`{{name}}`, `{{{name}}}`, `{{& name}}`):
    /// those that print nothing when their value is missing, since a section's tags print only
    /// when its value is there.
    static func topLevelVariables(in text: String) -> [String] {
        var names: [String] = [], depth = 0
        for (kind, name) in tags(in: text) {
            switch kind {
            case nil, "!", ">", "%", "=", "<", "$": break
            case "#", "^": depth += 1
            case "/": depth -= 1
            default: if depth == 0, !name.isEmpty, !names.contains(String(name)) { names.append(String(name)) }
            }
        }
        return names
    }

    /// The tag names (`tagNames(in:)`) that start with an upper-case letter.
    static func capitalizedNames(among tagNames: [Substring]) -> [(String, String)] {
        var names: [(String, String)] = []
        for tag in tagNames {
            guard let first = tag.first, first.isUppercase else { continue }
            let name = first.lowercased() + tag.dropFirst()
            if !names.contains(where: { $0.0 == name }) { names.append((name, String(tag))) }
        }
        return names
    }
}

/// A phrase made only of text and plain variable tags (`{{name}}`, `{{{name}}}`, `{{& name}}`),
/// rendered by putting the values in, as Mustache does for a text template: a missing value
/// prints nothing. Any other tag (a section, a dotted name, a comment…) leaves the phrase to
/// Mustache. Mustache spent about 4 µs a look-up on its casts through `Any`, and the 15 phrases
/// of a note were 7% of a backfill's CPU (perf, BENCHMARKS.md).
struct FlatPhrase: Sendable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case value(named: String)
    }

    let pieces: [Piece]

    /// Nil unless every tag of `text` is a plain variable tag with an ASCII name. Read on bytes
    /// (Characters cost about 70,000 instructions a phrase); a brace next to a non-ASCII byte
    /// also gives nil, since a mark after it would join it into one Character, which Mustache
    /// reads as no brace.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        func isASCII(at index: Int) -> Bool { index < 0 || index >= bytes.count || bytes[index] < 0x80 }
        func find(_ brace: UInt8, count: Int, from start: Int) -> Int? {
            var index = start
            while index + count <= bytes.count {
                if bytes[index..<index + count].allSatisfy({ $0 == brace }) { return index }
                index += 1
            }
            return nil
        }
        var pieces: [Piece] = []
        var position = 0
        while let open = find(0x7B, count: 2, from: position) {
            guard isASCII(at: open - 1) else { return nil }
            if open > position { pieces.append(.text(String(decoding: bytes[position..<open], as: UTF8.self))) }
            var start = open + 2
            let triple = start < bytes.count && bytes[start] == 0x7B
            if triple { start += 1 }
            guard let close = find(0x7D, count: triple ? 3 : 2, from: start) else { return nil }
            position = close + (triple ? 3 : 2)
            guard isASCII(at: position) else { return nil }
            var name = bytes[start..<close]
            if !triple, name.first == 0x26 { name = name.dropFirst() }
            name = name.drop { $0 == 0x20 }
            while name.last == 0x20 { name = name.dropLast() }
            guard !name.isEmpty, name.allSatisfy(Self.isNameByte) else { return nil }
            pieces.append(.value(named: String(decoding: name, as: UTF8.self)))
        }
        if position < bytes.count { pieces.append(.text(String(decoding: bytes[position...], as: UTF8.self))) }
        self.pieces = pieces
    }

    /// ASCII letters, digits and `_`: names Mustache looks up as they are, with no dot to follow.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte) || byte == 0x5F
    }

    /// The names of the values, in order, repeats included.
    var names: [String] {
        pieces.compactMap { piece in
            if case .value(let name) = piece { name } else { nil }
        }
    }

    func render(_ values: [String: String], names: [String: String]? = nil) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .value(let name): if let value = values[name] ?? names?[name] { text += value }
            }
        }
        return text
    }
}

/// FNV-1a: a hash that is the same in every process (Swift's `Hasher` is seeded per run).
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// The variable tags of a project's phrases that matched no value: `{{short}}` in a sentence
/// that is given only `symbol` and `magnitude` printed " fell 2.1%" without a word. Every
/// alternative of a phrase is checked whenever the phrase is rendered, so a daily build finds the
/// tag whichever alternative its date chose.
final class UnmatchedPhraseValues: @unchecked Sendable {
    private struct Miss {
        var location: SourceLocation
        var given: Set<String>
    }

    private let lock = NSLock()
    private var misses: [String: [String: Miss]] = [:]

    func check(_ key: String, _ alternatives: [Phrase], given values: [String: String], names: [String: String]?) {
        for alternative in alternatives {
            guard let (variables, location) = alternative.checked else { continue }
            for variable in variables where !variable.isGiven(in: values) && !(names.map(variable.isGiven) ?? false) {
                lock.withLock {
                    misses[key, default: [:]][variable.name, default: Miss(location: location, given: [])]
                        .given.formUnion(Array(values.keys) + Array((names ?? [:]).keys))
                }
            }
        }
    }

    func warnings() -> [Diagnostic] {
        lock.withLock {
            misses.sorted { $0.key < $1.key }.flatMap { key, names in
                names.sorted { $0.key < $1.key }.map { name, miss in
                    let given = miss.given.sorted()
                    return Diagnostic(.warning, at: miss.location,
                                      "phrase '\(key)' uses {{\(name)}}, a value this sentence is not given, so it printed nothing",
                                      hint: (EditDistance.suggestion(for: name, among: given).map { $0 + " The" } ?? "the")
                                          + " sentence is given: " + given.joined(separator: ", "))
                }
            }
        }
    }
}
