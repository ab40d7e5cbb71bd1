/// Images in the editor's Markdown written with no description (`![](chart.png)`): the page gives
/// them `alt=""`, which tells a screen reader to skip them, and the email names the link "image".
public enum UndescribedImages {
    /// One warning per such image, at its line and column of the file.
    public static func warnings(in text: String, path: String) -> [Diagnostic] {
        positions(in: text).map { line, column in
            Diagnostic(.warning, at: SourceLocation(path: path, line: line, column: column),
                       "this image has no description: a screen reader skips it, and the email shows a link named 'image'",
                       hint: "describe it between the brackets: ![Small caps against large caps since January](chart.png)")
        }
    }

    /// The 1-based line and column of each `![` whose brackets hold nothing but spaces, outside
    /// fenced code.
    static func positions(in text: String) -> [(line: Int, column: Int)] {
        var found: [(Int, Int)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for ((index, line), inFence) in zip(lines.enumerated(), MarkdownFences.insideFences(lines)) where !inFence {
            let characters = Array(line.utf8)
            for start in characters.indices.dropLast() where characters[start] == UInt8(ascii: "!") && characters[start + 1] == UInt8(ascii: "[") {
                var end = start + 2
                while end < characters.count, characters[end] == UInt8(ascii: " ") { end += 1 }
                if end + 1 < characters.count, characters[end] == UInt8(ascii: "]"), characters[end + 1] == UInt8(ascii: "(") {
                    found.append((index + 1, String(decoding: characters[..<start], as: UTF8.self).count + 1))
                }
            }
        }
        return found
    }
}
