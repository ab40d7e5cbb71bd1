/// The README's "at most 20 errors per file": a file of another format, or a header shifted by a
/// column, is told in twenty errors and one saying the rest was not read, not in thousands.
enum ErrorLimit {
    static let perFile = 20

    /// Reports `error`; at the file's limit, also reports that the file was read no further
    /// (`hint` asks what the file is) and returns true, to stop reading.
    static func isReached(reporting error: Diagnostic, to diagnostics: inout DiagnosticCollector,
                          stopAt location: SourceLocation, hint: String) -> Bool {
        diagnostics.report(error)
        guard diagnostics.diagnostics.count >= perFile else { return false }
        diagnostics.report(.error(at: location, "too many errors in this file; stopped reading it", hint: hint))
        return true
    }
}
