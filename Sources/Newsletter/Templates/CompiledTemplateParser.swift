import Mustache

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
