/// Which lines of an editor's Markdown lie inside fenced code (```` ``` ```` or `~~~`), where a `#`
/// is code, not a heading: for the commentary's headings.
public enum MarkdownFences {
    /// For each line, true when it opens a fence or lies inside one (a closing fence line holds
    /// nothing but the fence, and counts as outside).
    public static func insideFences(_ lines: [Substring]) -> [Bool] {
        var inFence = false
        return lines.map { line in
            if isFence(line) { inFence.toggle() }
            return inFence
        }
    }

    /// Whether `line` opens or closes a fence.
    public static func isFence(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }
}
