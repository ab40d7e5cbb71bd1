/// A position in an input file, 1-based, as editors and compilers print it; or, with line 0, an
/// argument of the command line (`commandLine(_:)`), printed alone.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// An argument of the command line (`--date 2019-01-02`), printed without a line or column:
    /// an error in an option is not in `marketnote.yml`.
    public static func commandLine(_ argument: String) -> SourceLocation {
        SourceLocation(path: argument, line: 0, column: 0)
    }

    public var description: String { line == 0 ? path : "\(path):\(line):\(column)" }
}
