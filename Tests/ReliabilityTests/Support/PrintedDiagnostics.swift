/// What `marketnote` printed on stderr for bad input, read back: each `path:line:column: error:
/// message` line (`--date 2030-01-02: error: …` for a command-line option) with the `    hint: …`
/// line under it, and the closing summary line.
struct PrintedDiagnostics {
    struct Entry: Equatable, CustomStringConvertible {
        var location: String
        var message: String
        var hint: String?

        var description: String { "\(location): error: \(message)" + (hint.map { " (hint: \($0))" } ?? "") }
    }

    var entries: [Entry] = []
    /// `3 errors; nothing was published`.
    var summary: String?
    /// Lines in neither form: there should be none.
    var strayLines: [String] = []

    init(_ stderr: String) {
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if let match = line.wholeMatch(of: /(?<location>[^:]+:\d+:\d+|--[a-z]+ [^:]+): error: (?<message>.+)/) {
                entries.append(Entry(location: String(match.location), message: String(match.message)))
            } else if line.hasPrefix("    hint: "), !entries.isEmpty, entries[entries.count - 1].hint == nil {
                entries[entries.count - 1].hint = String(line.dropFirst("    hint: ".count))
            } else if line.wholeMatch(of: /\d+ errors?; nothing was published/) != nil, summary == nil {
                summary = line
            } else {
                strayLines.append(line)
            }
        }
    }
}
