/// A GitHub-flavoured pipe table; cells are plain text, escaped here.
public struct MarkdownTable: Sendable {
    public enum Alignment: Sendable {
        case left, right, center
    }

    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]]

    public init(header: [String], alignments: [Alignment], rows: [[String]]) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }

    public var markdown: String {
        var lines = [line(header)]
        lines.append("|" + alignments.map { alignment -> String in
            switch alignment {
            case .left: return " :--- "
            case .right: return " ---: "
            case .center: return " :---: "
            }
        }.joined(separator: "|") + "|")
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map(MarkdownEscaping.tableCell).joined(separator: " | ") + " |"
    }
}
