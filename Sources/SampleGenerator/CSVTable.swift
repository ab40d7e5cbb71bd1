import Foundation

/// A CSV file read back for verification: a header and rows of raw fields (the sample never quotes fields).
struct CSVTable {
    let name: String
    let header: [String]
    let rows: [[String]]

    init(directory: URL, name: String) throws {
        self.name = name
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { throw SampleGenerationError(description: "\(name) is empty") }
        header = Self.fields(first)
        rows = lines.dropFirst().map(Self.fields)
        if let bad = rows.firstIndex(where: { $0.count != header.count }) {
            throw SampleGenerationError(description: "\(name) line \(bad + 2) has \(rows[bad].count) fields, expected \(header.count)")
        }
    }

    func column(_ title: String) throws -> [String] {
        guard let position = header.firstIndex(of: title) else {
            throw SampleGenerationError(description: "\(name) has no column \(title)")
        }
        return rows.map { $0[position] }
    }

    /// Parses a numeric column whose fields must have exactly `decimals` digits after the point.
    func numbers(_ title: String, decimals: Int) throws -> [Double] {
        try column(title).enumerated().map { offset, field in
            guard Self.hasDecimals(field, decimals), let value = Double(field) else {
                throw SampleGenerationError(description: "\(name) line \(offset + 2): \(title) '\(field)' is not a number with \(decimals) decimals")
            }
            return value
        }
    }

    private static func fields(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    private static func hasDecimals(_ field: String, _ decimals: Int) -> Bool {
        let parts = field.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[1].count == decimals && parts[1].allSatisfy(\.isNumber)
    }
}
