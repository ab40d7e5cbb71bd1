import Foundation

/// The links and images of an editor's Markdown outside fenced code: inline ones
/// (`[text](destination)`, `![description](destination)`, whose text may run over lines) and
/// reference definitions (`[label]: destination`). Shared by the commentary's link check and the
/// site's reading of relative addresses from its root.
public enum MarkdownLinks {
    public enum Kind: Sendable { case link, image, definition }

    public struct Link: Sendable {
        /// 1-based line, and column of the image's `!`, the link's or definition's `[`.
        public let line: Int
        public let column: Int
        public let kind: Kind
        /// What stands between the brackets: the text, description or label.
        public let text: Substring
        /// The destination's place in the whole text: up to a space, a line end or `)`, or the
        /// text inside `<…>`.
        public let destination: Range<String.Index>
    }

    /// Every link, image and definition in `text`, in order.
    public static func all(in text: String) -> [Link] {
        var found: [Link] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var paragraphStart: Int?
        // Inline links stay within a paragraph: lines between blank lines, fences and definitions.
        func endParagraph(before end: Int) {
            if let start = paragraphStart { found += inline(in: text[lines[start].startIndex..<lines[end - 1].endIndex], firstLine: start + 1) }
            paragraphStart = nil
        }
        for ((index, line), inFence) in zip(lines.enumerated(), MarkdownFences.insideFences(lines)) {
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if inFence || blank {
                endParagraph(before: index)
            } else if let definition = definition(in: line, number: index + 1) {
                endParagraph(before: index)
                found.append(definition)
            } else if paragraphStart == nil {
                paragraphStart = index
            }
        }
        endParagraph(before: lines.count)
        return found
    }

    /// The inline links and images of one paragraph, whose first line is `firstLine`.
    static func inline(in paragraph: Substring, firstLine: Int) -> [Link] {
        var found: [Link] = []
        var rest = paragraph
        while let closing = rest.range(of: "](") {
            rest = paragraph[closing.upperBound...]
            guard let open = openingBracket(closedAtEndOf: paragraph[..<closing.lowerBound]) else { continue }
            let isImage = open > paragraph.startIndex && paragraph[paragraph.index(before: open)] == "!"
            let start = isImage ? paragraph.index(before: open) : open
            let (line, column) = position(of: start, in: paragraph, firstLine: firstLine)
            found.append(Link(line: line, column: column, kind: isImage ? .image : .link,
                              text: paragraph[paragraph.index(after: open)..<closing.lowerBound],
                              destination: destination(startingIn: rest, acrossOneLineEnd: true)))
        }
        return found
    }

    /// `[label]: destination` at the start of a line (after up to three spaces).
    static func definition(in line: Substring, number: Int) -> Link? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3, line[indent.endIndex...].first == "[",
              let close = line[indent.endIndex...].range(of: "]:") else { return nil }
        let label = line[line.index(after: indent.endIndex)..<close.lowerBound]
        guard !label.isEmpty, !label.contains("]"), !label.contains("[") else { return nil }
        let target = destination(startingIn: line[close.upperBound...], acrossOneLineEnd: false)
        guard !target.isEmpty else { return nil }
        return Link(line: number, column: indent.count + 1, kind: .definition, text: label, destination: target)
    }

    /// The destination at the start of `text`, after spaces (and, inline, one line end).
    static func destination(startingIn text: Substring, acrossOneLineEnd: Bool) -> Range<String.Index> {
        var target = text.drop { $0 == " " || $0 == "\t" }
        if acrossOneLineEnd, target.first == "\n" { target = target.dropFirst().drop { $0 == " " || $0 == "\t" } }
        let angled = target.first == "<"
        if angled { target = target.dropFirst() }
        let destination = target.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" && (angled ? $0 != ">" : $0 != " " && $0 != ")" && $0 != "\t") }
        return destination.startIndex..<destination.endIndex
    }

    /// The `[` matched by a `]` just after `before`, counting the brackets nested between them.
    static func openingBracket(closedAtEndOf before: Substring) -> String.Index? {
        var depth = 0
        var index = before.endIndex
        while index > before.startIndex {
            index = before.index(before: index)
            switch before[index] {
            case "]": depth += 1
            case "[" where depth == 0: return index
            case "[": depth -= 1
            default: break
            }
        }
        return nil
    }

    /// The 1-based line and column of `index` in `paragraph`.
    static func position(of index: String.Index, in paragraph: Substring, firstLine: Int) -> (line: Int, column: Int) {
        let before = paragraph[..<index]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? paragraph.startIndex
        return (firstLine + before.count { $0 == "\n" }, paragraph[lineStart..<index].count + 1)
    }
}
