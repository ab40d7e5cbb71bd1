/// One problem found in the inputs: where it is, what is wrong, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        /// Something the build did on purpose that the editor should know, not a doubt about the
        /// data: content dated after the prices waits for its day. `--strict` lets it pass.
        case note
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

    /// "2019-01-02 is not a session in the data (1950-01-03 to 2018-12-31)", with a hint that
    /// names the sessions around it, or says where the data ends or starts. `sessions` is
    /// ascending and not empty; `afterData` says what to do about a date after the data (default:
    /// add its prices), `fix` turns the sessions around a date inside it into the hint.
    public static func notASession(_ date: SessionDate, in sessions: [SessionDate], at location: SourceLocation,
                                   afterData: String? = nil,
                                   fix: ([SessionDate]) -> String = { "the sessions around it are \($0.map(\.description).joined(separator: " and "))" })
        -> Diagnostic {
        let first = sessions[0], last = sessions[sessions.count - 1]
        let hint: String
        if date > last {
            hint = "the data ends on \(last); " + (afterData ?? "add the prices of \(date) to the data files to write its note")
        } else if date < first {
            hint = "the data starts on \(first)"
        } else {
            hint = fix([sessions.lastIndex(onOrBefore: date), sessions.firstIndex(onOrAfter: date)].compactMap { $0.map { sessions[$0] } })
        }
        return .error(at: location, "\(date) is not a session in the data (\(first) to \(last))", hint: hint)
    }

    /// `path:line:column: error: message`, then the hint on its own indented line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}
