/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterDocument: Sendable {
    /// The YAML between the `---` lines (empty when there is none).
    public var yaml: String
    public var body: String
    /// Line of the file where the YAML starts, so YAML positions map back to the file.
    public var yamlFirstLine: Int
    public var bodyFirstLine: Int

    /// Splits `text`; a file without a leading `---` line is all body.
    public static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterDocument {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character, so split on both line ends, not on "\n" alone.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let first = lines.first, first.trimmingTrailingCR == "---" else {
            return FrontMatterDocument(yaml: "", body: text, yamlFirstLine: 1, bodyFirstLine: 1)
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingCR == "---" || $0.trimmingTrailingCR == "..." }) else {
            throw .error(at: SourceLocation(path: path, line: 1, column: 1), "front matter starts with '---' but never ends",
                         hint: "close the front matter with a line holding only '---'")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatterDocument(yaml: yaml, body: body, yamlFirstLine: 2, bodyFirstLine: end + 2)
    }
}

extension Substring {
    var trimmingTrailingCR: Substring { hasSuffix("\r") ? dropLast() : self }
}
