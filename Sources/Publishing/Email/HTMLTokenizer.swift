/// Splits HTML into tags, text, comments and raw text, enough to edit the start tags of a
/// document marketnote wrote itself (cmark-gfm's output inside the `email.html` shell). It is
/// not a full HTML5 parser: a `<` that does not start a well-formed tag is kept as text.
struct HTMLTokenizer {
    /// Elements whose content is text up to their end tag.
    static let rawTextElements: Set<String> = ["script", "style", "title", "textarea"]

    private let html: String
    private let bytes: String.UTF8View
    private var position: String.Index

    private init(_ html: String) {
        self.html = html
        bytes = html.utf8
        position = html.startIndex
    }

    static func tokens(_ html: String) -> [HTMLToken] {
        var tokenizer = HTMLTokenizer(html)
        return tokenizer.readAll()
    }

    private mutating func readAll() -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var textStart = position
        while position < bytes.endIndex {
            guard bytes[position] == UInt8(ascii: "<"), let (token, end) = markup(at: position) else {
                position = bytes.index(after: position)
                continue
            }
            if textStart < position { tokens.append(.text(html[textStart..<position])) }
            tokens.append(token)
            position = end
            if case .startTag(let tag) = token, Self.rawTextElements.contains(tag.name), !tag.isSelfClosing {
                let close = find("</" + tag.name, from: position, ignoringCase: true) ?? bytes.endIndex
                if position < close { tokens.append(.rawText(html[position..<close])) }
                position = close
            }
            textStart = position
        }
        if textStart < position { tokens.append(.text(html[textStart..<position])) }
        return tokens
    }

    /// The token starting with the `<` at `start`, and where it ends; nil when it is text.
    private func markup(at start: String.Index) -> (HTMLToken, String.Index)? {
        let next = bytes.index(after: start)
        guard next < bytes.endIndex else { return nil }
        if html[start...].hasPrefix("<!--") {
            let end = find("-->", from: next).map { bytes.index($0, offsetBy: 3) } ?? bytes.endIndex
            return (.markup(html[start..<end]), end)
        }
        if bytes[next] == UInt8(ascii: "!") || bytes[next] == UInt8(ascii: "?") {
            guard let close = find(">", from: next) else { return nil }
            let end = bytes.index(after: close)
            return (.markup(html[start..<end]), end)
        }
        if bytes[next] == UInt8(ascii: "/") {
            let nameStart = bytes.index(after: next)
            let nameEnd = nameEnd(from: nameStart)
            guard nameStart < nameEnd, let close = find(">", from: nameEnd) else { return nil }
            let end = bytes.index(after: close)
            return (.endTag(name: html[nameStart..<nameEnd].lowercased(), source: html[start..<end]), end)
        }
        return startTag(at: start).map { (.startTag($0.0), $0.1) }
    }

    private func startTag(at start: String.Index) -> (HTMLStartTag, String.Index)? {
        let nameStart = bytes.index(after: start)
        guard Self.isLetter(bytes[nameStart]) else { return nil }
        var index = nameEnd(from: nameStart)
        let name = html[nameStart..<index].lowercased()
        var attributes: [HTMLStartTag.Attribute] = []
        while true {
            index = skipSpaces(from: index)
            guard index < bytes.endIndex else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                let end = bytes.index(after: index)
                return (HTMLStartTag(name: name, attributes: attributes, isSelfClosing: false, source: html[start..<end]), end)
            }
            if html[index...].hasPrefix("/>") {
                let end = bytes.index(index, offsetBy: 2)
                return (HTMLStartTag(name: name, attributes: attributes, isSelfClosing: true, source: html[start..<end]), end)
            }
            guard let (attribute, end) = attribute(at: index) else { return nil }
            attributes.append(attribute)
            index = end
        }
    }

    /// One `name`, `name=value`, `name="value"` or `name='value'`.
    private func attribute(at start: String.Index) -> (HTMLStartTag.Attribute, String.Index)? {
        var index = start
        while index < bytes.endIndex, !Self.isSpace(bytes[index]), !"=>/".utf8.contains(bytes[index]) {
            index = bytes.index(after: index)
        }
        if index == start { index = bytes.index(after: index) }  // a stray `/` or `=`: skip it
        let name = html[start..<index].lowercased()
        let afterName = skipSpaces(from: index)
        guard afterName < bytes.endIndex, bytes[afterName] == UInt8(ascii: "=") else {
            return (HTMLStartTag.Attribute(name: name, value: nil, source: html[start..<index]), index)
        }
        let valueStart = skipSpaces(from: bytes.index(after: afterName))
        guard valueStart < bytes.endIndex else { return nil }
        let quote = bytes[valueStart]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let contentStart = bytes.index(after: valueStart)
            guard let close = find(String(UnicodeScalar(quote)), from: contentStart) else { return nil }
            let end = bytes.index(after: close)
            return (HTMLStartTag.Attribute(name: name, value: CharacterReferences.decode(html[contentStart..<close]),
                                           source: html[start..<end]), end)
        }
        var end = valueStart
        while end < bytes.endIndex, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end = bytes.index(after: end) }
        return (HTMLStartTag.Attribute(name: name, value: CharacterReferences.decode(html[valueStart..<end]),
                                       source: html[start..<end]), end)
    }

    private func nameEnd(from start: String.Index) -> String.Index {
        var index = start
        while index < bytes.endIndex, Self.isLetter(bytes[index]) || (48...57).contains(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
            index = bytes.index(after: index)
        }
        return index
    }

    private func skipSpaces(from start: String.Index) -> String.Index {
        var index = start
        while index < bytes.endIndex, Self.isSpace(bytes[index]) { index = bytes.index(after: index) }
        return index
    }

    /// Where `needle` (ASCII) next occurs at or after `start`.
    private func find(_ needle: String, from start: String.Index, ignoringCase: Bool = false) -> String.Index? {
        let target = Array((ignoringCase ? needle.lowercased() : needle).utf8)
        var index = start
        while index < bytes.endIndex {
            var candidate = index
            var matched = 0
            while matched < target.count, candidate < bytes.endIndex,
                  (ignoringCase ? Self.lowercased(bytes[candidate]) : bytes[candidate]) == target[matched] {
                matched += 1
                candidate = bytes.index(after: candidate)
            }
            if matched == target.count { return index }
            index = bytes.index(after: index)
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 12 || byte == 13 }
    private static func lowercased(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
}
