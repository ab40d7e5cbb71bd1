import Yams

/// Reads a YAML document into typed values, reporting unknown keys, missing keys and values of
/// the wrong type with their position, and carrying on so that every problem is reported at once.
public final class YAMLReader {
    public let path: String
    /// Added to every line, for YAML that starts inside a larger file (front matter).
    let lineOffset: Int
    public private(set) var diagnostics = DiagnosticCollector()

    public init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Parses `text`; nil (with a diagnostic) when it is not YAML. An empty document is an empty
    /// mapping. `context` names the document in messages ("the front matter"). A document read
    /// only as text (`typed: false`, the phrases) leaves every scalar a string: Yams' default
    /// resolver tries seven regular expressions on each to tell numbers, dates and flags.
    public func root(of text: String, context: String = "the document", typed: Bool = true) -> YAMLMapping? {
        do {
            // UTF-8, as Yams chooses for a native String here: its default reads the whole
            // environment to look for an override, 360,000 instructions a document (callgrind).
            guard let node = try Yams.compose(yaml: text, typed ? .default : .basic, .default, .utf8) else {
                return YAMLMapping(reader: self, mapping: Node.Mapping([]), context: context)
            }
            return mapping(node, context: context)
        } catch let error as YamlError {
            report(error)
        } catch {
            fail(at: nil, "cannot read YAML: \(error)")
        }
        return nil
    }

    /// The 1-based number of the next line after `first` that holds `key` at the same
    /// indentation: the duplicate.
    static func lineRepeatingKey(_ key: String, after first: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indentation = String(repeating: " ", count: max(first.column - 1, 0))
        for index in first.line..<lines.count where lines[index].hasPrefix(indentation) {
            let rest = lines[index].dropFirst(indentation.count)
            if rest.hasPrefix(key + ":") || rest.hasPrefix(key + " :") { return index + 1 }
        }
        return nil
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func fail(at mark: Mark?, _ message: String, hint: String? = nil) {
        diagnostics.report(.error(at: location(mark), message, hint: hint))
    }

    func mapping(_ node: Node, context: String) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            fail(at: node.mark, "\(context) must be a mapping of keys to values", hint: "write `key: value` lines")
            return nil
        }
        return YAMLMapping(reader: self, mapping: mapping, context: context)
    }

    private func report(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context is where the construct being read began: an unclosed '[' or quote.
            let start = context.map { "\($0.text) that starts at line \($0.mark.line + lineOffset), column \($0.mark.column): " } ?? ""
            fail(at: mark, "invalid YAML: \(problem)", hint: start + "check indentation, brackets and quoting")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the key's first occurrence; the error is told at the second, where it was
            // most likely added, and names the first.
            let first = context.mark
            let key = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let hint = "each key may appear once in a mapping; remove or rename one"
            if let line = duplicates.first.flatMap({ Self.lineRepeatingKey($0, after: first, in: context.text) }) {
                diagnostics.report(.error(at: SourceLocation(path: path, line: line + lineOffset, column: first.column),
                                          "duplicated key \(key), first on line \(first.line + lineOffset)", hint: hint))
            } else {
                fail(at: first, "duplicated key \(key)", hint: hint)
            }
        case .reader(let problem, let offset, _, let yaml):
            let before = yaml.prefix(offset ?? 0)
            let line = before.reduce(1) { $1.isNewline ? $0 + 1 : $0 }
            let column = before.reversed().prefix { !$0.isNewline }.count + 1
            diagnostics.report(.error(at: SourceLocation(path: path, line: line + lineOffset, column: column),
                                      "invalid YAML: \(problem)", hint: "remove control characters and save the file as UTF-8 text"))
        default:
            fail(at: nil, "invalid YAML: \(error)")
        }
    }
}

/// One YAML mapping being read; `finish()` reports the keys nobody asked for.
public struct YAMLMapping {
    let reader: YAMLReader
    let mapping: Node.Mapping
    let context: String
    private var consumed: Set<String> = []

    init(reader: YAMLReader, mapping: Node.Mapping, context: String) {
        self.reader = reader
        self.mapping = mapping
        self.context = context
    }

    public var location: SourceLocation { reader.location(mapping.mark) }

    /// The underlying YAML, for readers whose keys are not fixed (a phrase table).
    public var node: Node.Mapping { mapping }

    public func location(of key: String) -> SourceLocation {
        reader.location(entry(key)?.key.mark ?? mapping.mark)
    }

    /// Where each key's value is written (the key itself when the value is empty), so that a
    /// problem found later, such as a missing file, points at the value to fix.
    public var valueLocations: [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            locations[name] = reader.location(value.null == nil ? value.mark ?? key.mark : key.mark)
        }
        return locations
    }

    public func has(_ key: String) -> Bool { entry(key) != nil }

    private func entry(_ key: String) -> (key: Node, value: Node)? {
        mapping.first { $0.key.string == key }
    }

    /// The node under `key`; reports it when required and absent.
    public mutating func node(_ key: String, required: Bool = false) -> Node? {
        consumed.insert(key)
        guard let value = entry(key)?.value else {
            if required {
                reader.fail(at: mapping.mark, "\(context) is missing the required key '\(key)'",
                            hint: "add `\(key): …`")
            }
            return nil
        }
        if value.null != nil {
            if required { reader.fail(at: entry(key)?.key.mark, "'\(key)' needs a value", hint: "write `\(key): …` with a value") }
            return nil
        }
        return value
    }

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value else {
            reader.fail(at: value.mark, "'\(key)' must be a single value, not a list or mapping",
                        hint: "write `\(key): value` on one line; quote a value that holds ':', '[' or '{'")
            return nil
        }
        return scalar.string
    }

    public mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = node(key) else { return nil }
        guard let number = value.int, range.contains(number) else {
            reader.fail(at: value.mark, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                        hint: "found '\(value.string ?? "a list or mapping")'")
            return nil
        }
        return number
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let flag = value.bool else {
            reader.fail(at: value.mark, "'\(key)' must be true or false", hint: "found '\(value.string ?? "a list or mapping")'")
            return nil
        }
        return flag
    }

    /// A list of strings; a single string counts as a list of one.
    public mutating func strings(_ key: String) -> [String]? {
        guard let value = node(key) else { return nil }
        switch value {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    reader.fail(at: item.mark, "'\(key)' must list plain values", hint: "write e.g. `\(key): [one, two]`")
                    continue
                }
                result.append(scalar.string)
            }
            return result
        default:
            reader.fail(at: value.mark, "'\(key)' must be a list", hint: "write e.g. `\(key): [one, two]`")
            return nil
        }
    }

    /// A value chosen from a fixed set, such as `returns: price | total`.
    public mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key) else { return nil }
        // Case does not matter ("NYSE" is 'nyse'); a near miss is named ("annualized-growth").
        guard let value = T(rawValue: text) ?? T.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let suggestion = EditDistance.suggestion(for: text, among: T.allCases.map(\.rawValue))
            reader.fail(at: entry(key)?.value.mark, "'\(key)' cannot be '\(text)'",
                        hint: suggestion.map { "\($0) (one of \(allowed))" } ?? "use one of \(allowed)")
            return nil
        }
        return value
    }

    public mutating func mapping(_ key: String, required: Bool = false) -> YAMLMapping? {
        guard let value = node(key, required: required) else { return nil }
        return reader.mapping(value, context: "'\(key)'")
    }

    /// Each item of a list of mappings.
    public mutating func mappings(_ key: String, required: Bool = false) -> [YAMLMapping] {
        guard let value = node(key, required: required) else { return [] }
        guard case .sequence(let sequence) = value else {
            reader.fail(at: value.mark, "'\(key)' must be a list", hint: "start each item with `- `")
            return []
        }
        return sequence.compactMap { reader.mapping($0, context: "an item of '\(key)'") }
    }

    /// Reports every key that was never read, suggesting the closest known one.
    public func finish() {
        for (key, _) in mapping {
            guard let name = key.string, !consumed.contains(name) else { continue }
            let hint = EditDistance.suggestion(for: name, among: consumed)
            reader.fail(at: key.mark, "unknown key '\(name)' in \(context)",
                        hint: hint ?? "known keys: \(consumed.sorted().joined(separator: ", "))")
        }
    }
}

/// Edit distance with adjacent transpositions (optimal string alignment), for "did you mean"
/// hints: "titel" is one edit from "title", as a typist would count it.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        var beforePrevious: [Int] = []
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                var distance = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
                if i > 0, j > 0, x == b[j - 1], a[i - 1] == y { distance = min(distance, beforePrevious[j - 1] + 1) }
                current.append(distance)
            }
            (beforePrevious, previous) = (previous, current)
        }
        return previous[b.count]
    }

    /// "did you mean 'x'?" for the closest of `known` within reach of `name`, else nil.
    public static func suggestion(for name: String, among known: some Sequence<String>) -> String? {
        guard let closest = known.min(by: { between($0, name) < between($1, name) }),
              between(closest, name) <= reach(of: name) else { return nil }
        return "did you mean '\(closest)'?"
    }

    /// "did you mean 'a.x' or 'b.c.x'?" for the dotted keys of `known` whose last part is the
    /// closest to `name`'s, within reach: a key written at the wrong depth (a top-level `yearDwon:`
    /// for `periodEnd.yearDown`) is far from every whole key. Nil when none is, or more than three.
    public static func suggestion(forLastPartOf name: String, among known: some Sequence<String>) -> String? {
        func lastPart(_ key: String) -> Substring { key.split(separator: ".").last ?? Substring(key) }
        let part = String(lastPart(name))
        let distances = known.map { (key: $0, distance: between(String(lastPart($0)), part)) }
        guard let nearest = distances.map(\.distance).min(), nearest <= reach(of: part) else { return nil }
        let closest = distances.filter { $0.distance == nearest }.map(\.key).sorted()
        guard closest.count <= 3 else { return nil }
        return "did you mean " + closest.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// How many edits a misspelling of `name` may be: one in three letters, at least one and at
    /// most three, so a short word is not "corrected" into another ('fed' is three edits from
    /// 'tech', and was offered as its correction).
    static func reach(of name: String) -> Int {
        min(3, max(1, name.count / 3))
    }
}
