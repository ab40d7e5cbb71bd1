/// Images in the editor's Markdown that would not show as written:
/// - with no description (`![](chart.png)`): the page gives them `alt=""`, which tells a screen
///   reader to skip them, and the email names the link "image";
/// - at a relative address (`![Breadth](chart.png)`): the page resolves it against the note's own
///   folder (`notes/DATE/chart.png`), the email against the base URL, and marketnote copies no
///   image files, so neither shows a picture unless one was put in both places by hand.
public enum CommentaryImages {
    /// One warning per such image, at its line and column of the file.
    public static func warnings(in text: String, path: String) -> [Diagnostic] {
        images(in: text).flatMap { image -> [Diagnostic] in
            let location = SourceLocation(path: path, line: image.line, column: image.column)
            var warnings: [Diagnostic] = []
            if image.description.allSatisfy({ $0 == " " }) {
                warnings.append(Diagnostic(.warning, at: location,
                                           "this image has no description: a screen reader skips it, and the email shows a link named 'image'",
                                           hint: "say what it shows between the brackets: ![What the chart shows](\(image.destination))"))
            }
            if isRelative(image.destination) {
                warnings.append(Diagnostic(.warning, at: location,
                                           "the image '\(image.destination)' has a relative address: the page looks for it in the note's folder, "
                                               + "the email at the base URL, and marketnote copies no image files",
                                           hint: "put the picture on a web server and link it by its full address (https://…), "
                                               + "or by its path from the site's root (/images/…)"))
            }
            return warnings
        }
    }

    /// An address with no scheme that does not start at the site's root (`/`).
    static func isRelative(_ destination: Substring) -> Bool {
        guard let first = destination.first, first != "/" else { return false }
        let beforeSlash = destination.prefix { $0 != "/" }
        return !beforeSlash.contains(":")
    }

    /// Each `![description](destination` outside fenced code, with the 1-based line and column of
    /// its `!`. The destination ends at a space or `)`, or is the text inside `<…>`.
    static func images(in text: String) -> [(line: Int, column: Int, description: Substring, destination: Substring)] {
        var found: [(Int, Int, Substring, Substring)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for ((index, line), inFence) in zip(lines.enumerated(), MarkdownFences.insideFences(lines)) where !inFence {
            var rest = line[...]
            while let bang = rest.range(of: "![") {
                rest = rest[bang.upperBound...]
                guard let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("(") else { continue }
                let description = rest[..<close]
                var target = rest[rest.index(close, offsetBy: 2)...].drop { $0 == " " }
                let angled = target.first == "<"
                if angled { target = target.dropFirst() }
                let destination = target.prefix { angled ? $0 != ">" : $0 != " " && $0 != ")" }
                found.append((index + 1, line[..<bang.lowerBound].count + 1, description, destination))
                rest = rest[close...]
            }
        }
        return found
    }
}
