/// Every problem found in one run, so a user fixes them all at once instead of one per run.
public struct DiagnosticReport: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while loading, so that one bad file does not hide the next one.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func report(_ report: DiagnosticReport) {
        diagnostics.append(contentsOf: report.diagnostics)
    }

    /// Runs `body`, keeping its result or recording the diagnostics it threw.
    public mutating func collect<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            report(diagnostic)
        } catch let report as DiagnosticReport {
            self.report(report)
        } catch {
            report(Diagnostic.error(at: SourceLocation(path: "<internal>"), "\(error)"))
        }
        return nil
    }

    /// Throws every collected error, if there is one.
    public func throwIfErrors() throws(DiagnosticReport) {
        if hasErrors { throw DiagnosticReport(diagnostics) }
    }
}
