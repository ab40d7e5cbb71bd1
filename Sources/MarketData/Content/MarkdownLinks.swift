import Foundation

/// The inline links and images of an editor's Markdown (`[text](destination)` and
/// `![description](destination)`) outside fenced code: shared by the commentary's image check and
/// the site's links to the project's static files.
public enum MarkdownLinks {
    public struct Link: Sendable {
        /// 1-based line, and column of the image's `!` or the link's `[`.
        public let line: Int
        public let column: Int
        public let isImage: Bool
        /// What stands between the brackets.
        public let text: Substring
        /// The destination's place in the whole text: up to a space or `)`, or the text inside `<…>`.
        public let destination: Range<String.Index>
    }

    /// Every link and image in `text`, in order. A link's text stays on its line; brackets nest.
    public static func all(in text: String) -> [Link] {
        var found: [Link] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for ((index, line), inFence) in zip(lines.enumerated(), MarkdownFences.insideFences(lines)) where !inFence {
            var rest = line[...]
            while let closing = rest.range(of: "](") {
                rest = line[closing.upperBound...]
                guard let open = openingBracket(closedAtEndOf: line[..<closing.lowerBound]) else { continue }
                let isImage = open > line.startIndex && line[line.index(before: open)] == "!"
                let start = isImage ? line.index(before: open) : open
                var target = rest.drop { $0 == " " }
                let angled = target.first == "<"
                if angled { target = target.dropFirst() }
                let destination = target.prefix { angled ? $0 != ">" : $0 != " " && $0 != ")" }
                found.append(Link(line: index + 1, column: line[..<start].count + 1, isImage: isImage,
                                  text: line[line.index(after: open)..<closing.lowerBound],
                                  destination: destination.startIndex..<destination.endIndex))
            }
        }
        return found
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
}
