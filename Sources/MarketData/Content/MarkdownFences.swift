/// Which lines of an editor's Markdown lie inside fenced code (```` ``` ```` or `~~~`), where a `#`
/// or a `![` is code, not a heading or an image: shared by the commentary's heading levels and
/// its image check.
public enum MarkdownFences {
    /// For each line, true when it opens a fence or lies inside one (a closing fence line holds
    /// nothing but the fence, and counts as outside).
    public static func insideFences(_ lines: [Substring]) -> [Bool] {
        var inFence = false
        return lines.map { line in
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            return inFence
        }
    }
}
