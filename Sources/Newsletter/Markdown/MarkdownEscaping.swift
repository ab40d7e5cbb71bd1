import Foundation
import MarketData
import Mustache

/// Escapes untrusted text for the Markdown context it lands in, so that a series name, a quote or
/// a config string can never add structure (links, HTML, headings, table cells) to a note.
public enum MarkdownEscaping {
    /// Bytes of characters that can start or end inline structure in CommonMark/GFM.
    private static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "\\`*_[]<>#|~!&".utf8 { table[Int(character)] = true }
        return table
    }()

    /// Inline text: punctuation backslash-escaped, line breaks folded to spaces, and a leading
    /// list marker (`- `, `+ `, `1. `) neutralised in case the text starts a line. Works on UTF-8
    /// bytes and returns the input itself when nothing needs escaping (the common case).
    public static func text(_ raw: String) -> String {
        if !needsEscaping(raw) { return neutraliseListMarker(raw) }
        var utf8 = Array(raw.utf8)
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8.removeLast() }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.count
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 8)
        var changed = start > 0 || utf8.count != raw.utf8.count
        var index = start
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                output.append(0x20)
                changed = true
            } else if byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                // U+2028 and U+2029 are line breaks too.
                output.append(0x20)
                index += 2
                changed = true
            } else {
                if special[Int(byte)] && (byte != 0x26 || startsReference(utf8, after: index)) {
                    output.append(0x5C)
                    changed = true
                }
                output.append(byte)
            }
            index += 1
        }
        let escaped = changed ? String(decoding: output, as: UTF8.self) : raw
        return neutraliseListMarker(escaped)
    }

    /// Whether the `&` at `index` could begin an entity or numeric character reference (`&amp;`,
    /// `&#38;`): any other `&` is text to CommonMark, so "S&P 500" stays as written in the
    /// Markdown that email editions send as plain text.
    private static func startsReference(_ utf8: [UInt8], after index: Int) -> Bool {
        var next = index + 1
        if next < utf8.count, utf8[next] == 0x23 { return true }
        while next < utf8.count, utf8[next].isASCIIAlphanumeric { next += 1 }
        return next > index + 1 && next < utf8.count && utf8[next] == 0x3B
    }

    /// `special`, line breaks and the lead byte of U+2028/U+2029: the bytes `text(_:)` may change
    /// wherever they are.
    private static let changed: [Bool] = {
        var table = special
        for byte in [0x0A, 0x0D, 0xE2] { table[byte] = true }
        return table
    }()

    /// Whether `text` has a byte that `text(_:)` would change: one of `changed`, or blank space at
    /// either end. One pass over the string's own bytes (perf: copies were about 1% of a
    /// backfill; most values need nothing), a table look-up a byte (callgrind: a look-up checked
    /// against the table's bounds and three comparisons a byte, and the ends read through
    /// `utf8`, cost about 400 instructions a value; this costs about 135).
    private static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return changed.withUnsafeBufferPointer { table in
            text.withUTF8 { bytes in
                guard let first = bytes.first, let last = bytes.last else { return false }
                return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || bytes.contains { table[Int($0)] }
            }
        }
    }

    /// `- x`, `+ x`, `12. x` / `12) x`, and a line of only `-` or `=` (a rule, or a heading's
    /// underline after another line) would become structure at the start of a line. Checks the
    /// bytes: every marker is ASCII, and most table cells start with a digit.
    private static func neutraliseListMarker(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, first == 0x2D || first == 0x2B || first == 0x3D || first.isASCIIDigit else {
            return text
        }
        var index = utf8.index(after: utf8.startIndex)
        let endsMarker = { (index: String.Index) in index == utf8.endIndex || utf8[index] == 0x20 || utf8[index] == 0x09 }
        if !first.isASCIIDigit {
            let isRule = first != 0x2B && utf8.allSatisfy { $0 == first || $0 == 0x20 || $0 == 0x09 }
            return endsMarker(index) || isRule ? "\\" + text : text
        }
        var digits = 1
        while index != utf8.endIndex, utf8[index].isASCIIDigit { (index, digits) = (utf8.index(after: index), digits + 1) }
        // CommonMark: an ordered list marker is 1 to 9 digits, then `.` or `)`.
        guard digits <= 9, index != utf8.endIndex, utf8[index] == 0x2E || utf8[index] == 0x29,
              endsMarker(utf8.index(after: index)) else { return text }
        return String(text[..<index]) + "\\" + text[index...]
    }

    /// A GFM table cell: inline text whose pipes are escaped (done by `text`).
    public static func tableCell(_ raw: String) -> String { text(raw) }

    /// Markdown that the project wrote on purpose (a quote, the commentary), fenced into a
    /// blockquote so it cannot end the quote or start a heading of the page.
    public static func blockquote(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.isEmpty ? ">" : "> " + line }
            .joined(separator: "\n")
    }

    /// A link destination written `<…>` so spaces and parentheses cannot end it early.
    public static func linkDestination(_ url: String) -> String {
        guard ByteSearch.containsByte(in: url, where: isPercentEncodedInDestination) else { return "<" + url + ">" }
        var result = "<"
        for scalar in url.unicodeScalars {
            if scalar.isASCII, isPercentEncodedInDestination(UInt8(scalar.value)) {
                result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + ">"
    }

    /// `<`, `>`, a line break, a space or a backslash: what would end or bend a `<…>` destination.
    private static func isPercentEncodedInDestination(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x5C
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

/// The Mustache content type `MARKDOWN`: `{{value}}` is escaped for Markdown text, `{{{value}}}`
/// inserts Markdown that marketnote generated and escaped itself.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaping.text(text) }

    /// Registers the content type once, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        return true
    }()
}
