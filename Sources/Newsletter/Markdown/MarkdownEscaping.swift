import Foundation
import Mustache

/// Escapes untrusted text for the Markdown context it lands in, so that a series name, a quote or
/// a config string can never add structure (links, HTML, headings, table cells) to a note.
public enum MarkdownEscaping {
    /// Characters that can start or end inline structure in CommonMark/GFM.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "&"]

    /// Inline text: punctuation backslash-escaped, line breaks folded to spaces, and a leading
    /// list marker (`- `, `+ `, `1. `) neutralised in case the text starts a line.
    public static func text(_ raw: String) -> String {
        var result = ""
        result.reserveCapacity(raw.utf8.count + 8)
        for character in raw.trimmingCharacters(in: .whitespaces) {
            if character == "\n" || character == "\r" || character == "\u{2028}" || character == "\u{2029}" {
                result.append(" ")
                continue
            }
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return neutraliseListMarker(result)
    }

    /// `- x`, `+ x`, `= ` and `12. x` / `12) x` at the start of a line would become a list or heading.
    private static func neutraliseListMarker(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.prefix(12))
        guard let first = scalars.first else { return text }
        let followedBySpace: (Int) -> Bool = { index in index >= scalars.count || scalars[index] == " " || scalars[index] == "\t" }
        if (first == "-" || first == "+" || first == "=") && followedBySpace(1) { return "\\" + text }
        var digits = 0
        while digits < scalars.count, ("0"..."9").contains(scalars[digits]) { digits += 1 }
        if digits > 0, digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")", followedBySpace(digits + 1) {
            var result = String(String.UnicodeScalarView(scalars[0..<digits])) + "\\"
            result += String(text.unicodeScalars.dropFirst(digits))
            return result
        }
        return text
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
        var result = "<"
        for scalar in url.unicodeScalars {
            switch scalar {
            case "<", ">", "\n", "\r", " ", "\\":
                result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(2)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + ">"
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
