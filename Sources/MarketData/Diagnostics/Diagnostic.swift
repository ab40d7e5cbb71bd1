/// One problem found in the inputs: where it is, what is wrong, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    /// `what` (a date, a year) lies outside `SessionDate.supportedYears`, where date arithmetic
    /// would leave the calendar.
    static func unsupportedYear(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error(at: location, "\(what) is outside the years marketnote reads",
               hint: "dates run from \(SessionDate.supportedYears.lowerBound) to \(SessionDate.supportedYears.upperBound); is the year mistyped?")
    }

    /// `path:line:column: error: message`, then the hint on its own indented line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}
