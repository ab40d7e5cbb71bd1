import Mustache

/// swift-mustache's template parser (Template+Parser.swift), ported rule for rule over Characters.
/// Each Character's checks read its ASCII code where it has one: comparing and hashing
/// Characters was most of the cost of compiling a project's templates and phrases, every build.
struct CompiledTemplateParser {
    private let source: Source
    private var position = 0

    init(_ text: String) { source = Source(text) }

    /// The template's Characters with their ASCII codes: `crlf` for "\r\n", `other` for a
    /// Character outside ASCII, whose checks read the Character itself (U+212A, the Kelvin sign,
    /// is equal to `K`).
    private struct Source {
        /// Empty for ASCII text, whose codes say everything.
        let characters: [Character]
        let codes: [UInt8]
        /// The text's UTF-8, and where each Character starts in it (with its end last): a run of
        /// Characters is copied out as bytes, not put together one Character at a time.
        let utf8: [UInt8]
        let offsets: [Int]

        static let crlf: UInt8 = 0xFE, other: UInt8 = 0xFF

        init(_ text: String) {
            utf8 = Array(text.utf8)
            guard utf8.allSatisfy({ $0 < 0x80 }) else {
                characters = Array(text)
                codes = characters.map { character in
                    guard let code = character.asciiValue else { return Self.other }
                    return character.utf8.count == 1 ? code : Self.crlf
                }
                var offset = 0
                offsets = [0] + characters.map { character in
                    offset += character.utf8.count
                    return offset
                }
                return
            }
            // ASCII: a Character per byte, but for "\r\n", and none that needs the Character itself.
            characters = []
            var codes: [UInt8] = [], offsets = [0]
            codes.reserveCapacity(utf8.count)
            offsets.reserveCapacity(utf8.count + 1)
            var index = 0
            while index < utf8.count {
                let pair = utf8[index] == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A
                codes.append(pair ? Self.crlf : utf8[index])
                index += pair ? 2 : 1
                offsets.append(index)
            }
            self.codes = codes
            self.offsets = offsets
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
        }

        /// "\n", "\r\n", "\r", U+000B, U+000C, or a newline outside ASCII.
        func isNewline(at index: Int) -> Bool {
            switch codes[index] {
            case 0x0A...0x0D, Self.crlf: true
            case Self.other: characters[index].isNewline
            default: false
            }
        }

        func isWhitespace(at index: Int) -> Bool {
            switch codes[index] {
            case 0x09...0x0D, 0x20, Self.crlf: true
            case Self.other: characters[index].isWhitespace
            default: false
            }
        }

        func isBlank(at index: Int) -> Bool { codes[index] == 0x20 || codes[index] == 0x09 }
    }

    /// A set of ASCII Characters, looked up by code; a Character outside ASCII is looked up as
    /// Swift compares Characters, by canonical equivalence.
    private struct NameSet {
        let characters: Set<Character>
        let ascii: [Bool]

        init(_ members: String) {
            characters = Set(members)
            ascii = (0..<128).map { code in members.utf8.contains(UInt8(code)) }
        }

        func contains(_ source: Source, at index: Int) -> Bool {
            let code = source.codes[index]
            return code < 0x80 ? ascii[Int(code)] : code == Source.other && characters.contains(source.characters[index])
        }
    }

    private static let nameCharacters = NameSet("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let configCharacters = NameSet("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = NameSet("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private var atEnd: Bool { position == source.codes.count }
    /// The current Character's code; 0 at the end, where swift-mustache reads "\0".
    private var current: UInt8 { atEnd ? 0 : source.codes[position] }
    private var atNewline: Bool { !atEnd && source.isNewline(at: position) }

    /// The nodes up to the end of the section `sectionName` (or of the text).
    mutating func parse(sectionName: String?, newLine startsOnNewLine: Bool) throws(LeftToMustache) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var newLine = startsOnNewLine
        var whitespaceBefore = ""
        while !atEnd {
            if newLine { whitespaceBefore = read { $0.isBlank(at: $1) } }
            let text = try readUntilTagOrNewline()
            if atNewline {
                nodes.append(.text(whitespaceBefore + text + source.text(position..<position + 1)))
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
            case 0x23, 0x5E:  // # ^
                let inverted = current == 0x5E
                position += 1
                let name = try readName()
                if isStandalone(newLine) { setNewLine = true } else { keepWhitespace() }
                let inner = try parse(sectionName: name.raw, newLine: setNewLine)
                nodes.append(.section(name, inner, inverted: inverted))
            case 0x2F:  // /
                position += 1
                let name = try readName()
                guard name.raw == sectionName else { throw LeftToMustache() }
                if !isStandalone(newLine) { keepWhitespace() }
                return nodes
            case 0x21:  // !
                position += 1
                try skipComment()
                setNewLine = isStandalone(newLine)
            case 0x7B:  // {
                keepWhitespace()
                position += 1
                let name = try readName()
                guard current == 0x7D else { throw LeftToMustache() }
                position += 1
                nodes.append(.variable(name, escaped: false))
            case 0x26:  // &
                keepWhitespace()
                position += 1
                nodes.append(.variable(try readName(), escaped: false))
            case 0x3E:  // >
                position += 1
                skipWhitespace()
                guard current != 0x2A else { throw LeftToMustache() }
                let name = try readPartialName()
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(newLine) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whitespaceBefore = ""
            case 0x25:  // %
                position += 1
                nodes.append(.contentType(try readContentType()))
                setNewLine = isStandalone(newLine)
            case 0x3D, 0x3C, 0x24:  // = < $
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

    /// The Characters from here while `belongs` (given the source and each one's index) holds.
    private mutating func read(while belongs: (Source, Int) -> Bool) -> String {
        let start = position
        while !atEnd, belongs(source, position) { position += 1 }
        return source.text(start..<position)
    }

    private mutating func skipWhitespace() {
        while !atEnd, source.isWhitespace(at: position) { position += 1 }
    }

    /// Consumes `{{` or `}}` (`brace` twice) when the text continues with it.
    private mutating func readTwice(_ brace: UInt8) throws(LeftToMustache) -> Bool {
        guard source.codes.count - position >= 2 else { throw LeftToMustache() }
        guard source.codes[position] == brace, source.codes[position + 1] == brace else { return false }
        position += 2
        return true
    }

    /// Text up to a newline (left unread) or an opening `{{` (consumed).
    private mutating func readUntilTagOrNewline() throws(LeftToMustache) -> String {
        var text = ""
        while !atEnd {
            text += read { $0.codes[$1] != 0x0A && $0.codes[$1] != Source.crlf && $0.codes[$1] != 0x7B }
            if atNewline { break }
            if current == 0x7B {
                if try readTwice(0x7B) { break }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    private mutating func readName() throws(LeftToMustache) -> TagName {
        skipWhitespace()
        let text = read { Self.nameCharacters.contains($0, at: $1) }
        skipWhitespace()
        guard try readTwice(0x7D), !text.utf8.contains(0x28), !text.utf8.contains(0x29) else { throw LeftToMustache() }
        return TagName(text)
    }

    private mutating func readPartialName() throws(LeftToMustache) -> String {
        skipWhitespace()
        let text = read { Self.partialNameCharacters.contains($0, at: $1) }
        skipWhitespace()
        guard try readTwice(0x7D) else { throw LeftToMustache() }
        return text
    }

    private mutating func skipComment() throws(LeftToMustache) {
        while !atEnd {
            if source.codes.count - position >= 2, try readTwice(0x7D) { return }
            position += 1
        }
        throw LeftToMustache()
    }

    /// `{{% CONTENT_TYPE: NAME}}` for the content types marketnote registers.
    private mutating func readContentType() throws(LeftToMustache) -> any MustacheContentType {
        skipWhitespace()
        let variable = read { Self.configCharacters.contains($0, at: $1) }
        skipWhitespace()
        guard current == 0x3A else { throw LeftToMustache() }  // :
        position += 1
        skipWhitespace()
        let value = read { Self.configCharacters.contains($0, at: $1) }
        skipWhitespace()
        guard try readTwice(0x7D), variable == "CONTENT_TYPE" else { throw LeftToMustache() }
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
        while end < source.codes.count, source.isBlank(at: end) { end += 1 }
        guard end < source.codes.count, source.isNewline(at: end) else { return false }
        position = end + 1
        return true
    }
}
