import Foundation

/// Reads quotes and commentary files: YAML front matter plus a Markdown body.
public enum ContentReader {
    public static func quote(text: String, path: String, id: String) throws(DiagnosticReport) -> Quote {
        let document: FrontMatterDocument
        do { document = try FrontMatterDocument.split(text, path: path) } catch { throw DiagnosticReport([error]) }
        let reader = YAMLReader(path: path, lineOffset: document.yamlFirstLine - 1)
        if document.yaml.isEmpty {
            throw DiagnosticReport([.error(at: SourceLocation(path: path), "a quote needs front matter",
                                           hint: "start the file with ---, then by:, date:, topics: and (optionally) firm:, then ---")])
        }
        guard var root = reader.root(of: document.yaml, context: "the front matter") else {
            throw DiagnosticReport(reader.diagnostics.diagnostics)
        }
        let by = root.string("by", required: true)
        let firm = root.string("firm")
        let date = sessionDate(&root, "date", reader: reader)
        let topics = root.strings("topics") ?? []
        let url = root.string("url")
        _ = root.string("note")
        root.finish()
        let (body, bodyStart) = trimmedBody(document, path: path)
        var diagnostics = reader.diagnostics
        if body.isEmpty {
            diagnostics.report(.error(at: SourceLocation(path: path, line: document.bodyFirstLine), "the quote has no text",
                                      hint: "write the quoted words below the front matter"))
        }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            diagnostics.report(.error(at: root.valueLocations["url"] ?? root.location, "url must start with https:// or http://",
                                      hint: "link the source with its full address, e.g. https://example.com/article"))
        }
        guard let by, let date, !diagnostics.hasErrors else { throw DiagnosticReport(diagnostics.diagnostics) }
        return Quote(id: id, by: by, firm: firm, date: date, topics: topics, text: body, url: url, textStart: bodyStart)
    }

    public static func commentary(text: String, path: String, date: SessionDate) throws(DiagnosticReport) -> Commentary {
        let document: FrontMatterDocument
        do { document = try FrontMatterDocument.split(text, path: path) } catch { throw DiagnosticReport([error]) }
        let reader = YAMLReader(path: path, lineOffset: document.yamlFirstLine - 1)
        guard var root = reader.root(of: document.yaml, context: "the front matter") else {
            throw DiagnosticReport(reader.diagnostics.diagnostics)
        }
        let title = root.string("title")
        _ = root.string("note")
        root.finish()
        if reader.diagnostics.hasErrors { throw DiagnosticReport(reader.diagnostics.diagnostics) }
        let (body, bodyStart) = trimmedBody(document, path: path)
        return Commentary(date: date, title: title, body: body, path: path, bodyStart: bodyStart)
    }

    /// The body without the blank space around it, and where its first character is in the file.
    static func trimmedBody(_ document: FrontMatterDocument, path: String) -> (text: String, start: SourceLocation) {
        let text = document.body.trimmingCharacters(in: .whitespacesAndNewlines)
        let leading = document.body.prefix { $0.isWhitespace }
        let lastLine = leading.lastIndex(where: \.isNewline).map { leading[leading.index(after: $0)...] } ?? leading
        return (text, SourceLocation(path: path, line: document.bodyFirstLine + leading.count(where: \.isNewline),
                                     column: lastLine.count + 1))
    }

    private static func sessionDate(_ root: inout YAMLMapping, _ key: String, reader: YAMLReader) -> SessionDate? {
        guard let text = root.string(key, required: true) else { return nil }
        guard let date = SessionDate(text) else {
            reader.fail(at: root.node(key)?.mark, "'\(key)' must be a date written YYYY-MM-DD, found '\(text)'",
                        hint: "write the day the words were said or published, e.g. 2026-01-14")
            return nil
        }
        return date
    }
}
