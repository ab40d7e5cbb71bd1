/// A GitHub-flavoured pipe table; cells are plain text, escaped here.
public struct MarkdownTable: Sendable {
    public enum Alignment: Sendable {
        case left, right, center

        /// The cell of the delimiter row, with the spaces around it.
        var delimiter: StaticString {
            switch self {
            case .left: " :--- "
            case .right: " ---: "
            case .center: " :---: "
            }
        }
    }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]

    public init(header: [String], alignments: [Alignment], rows: [[String]]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }

    /// The header, the delimiter row and the rows, a line each, written as bytes into one buffer
    /// (callgrind: joining each line's cells, then the lines, as Strings was about 3% of a
    /// backfill's instructions, for a table or two a note).
    public var markdown: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (rows.count + 2))
        Self.append(header, to: &bytes)
        bytes.append(0x0A)
        bytes.append(0x7C)
        for (index, alignment) in alignments.enumerated() {
            if index > 0 { bytes.append(0x7C) }
            alignment.delimiter.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
        bytes.append(0x7C)
        for row in rows {
            bytes.append(0x0A)
            Self.append(row, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `| a | b |`, each cell escaped; `|  |` for a line without cells.
    private static func append(_ cells: [String], to bytes: inout [UInt8]) {
        bytes.append(0x7C)
        guard !cells.isEmpty else { return bytes.append(contentsOf: "  |".utf8) }
        for cell in cells {
            bytes.append(0x20)
            var escaped = MarkdownEscaping.tableCell(cell)
            escaped.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0x20)
            bytes.append(0x7C)
        }
    }
}
