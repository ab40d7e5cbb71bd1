import Newsletter
import Testing
import TestSupport

@Suite struct MarkdownTableTests {
    @Test func aTableIsItsHeaderAlignmentsAndRowsOneLineEachWithCellsEscaped() {
        let table = MarkdownTable(header: ["Series", "Close", "Note"], alignments: [.left, .right, .center],
                                  rows: [["IWM", "264.95", "a|b"], ["S&P 500", "1. first", ""]])
        #expect(table.markdown == """
            | Series | Close | Note |
            | :--- | ---: | :---: |
            | IWM | 264.95 | a\\|b |
            | S&P 500 | 1\\. first |  |
            """)
    }

    @Test func aTableWithoutRowsIsItsHeaderAndAlignments() {
        #expect(MarkdownTable(header: ["A"], alignments: [.right], rows: []).markdown == "| A |\n| ---: |")
        #expect(MarkdownTable(header: [], alignments: [], rows: [[]]).markdown == "|  |\n||\n|  |")
    }

    /// The table written as bytes against its definition, joined as Strings, on 2,000 generated
    /// tables whose cells hold pipes, markers, line breaks, non-ASCII text or nothing.
    @Test func aTableIsWhatJoiningItsEscapedCellsAndLinesMakes() {
        let pieces = ["IWM", "+1.2%", "-0.4%", "217.38", "n/a", "a|b", "1. first", "- item", "S&P 500", "é", "日本",
                      "line\nbreak", " padded ", "", "***", "[link](x)", "📈", "2008-06-20"]
        let alignments: [MarkdownTable.Alignment] = [.left, .right, .center]
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let columns = random.next(upTo: 6)
            func cells() -> [String] {
                (0..<columns).map { _ in (0..<random.next(upTo: 3)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined() }
            }
            let table = MarkdownTable(header: cells(), alignments: (0..<columns).map { _ in alignments[random.next(upTo: 3)] },
                                      rows: (0..<random.next(upTo: 5)).map { _ in cells() })
            #expect(table.markdown == Self.joined(table))
        }
    }

    /// The definition: each line `| ` + cells joined by ` | ` + ` |`, the lines joined by line breaks.
    private static func joined(_ table: MarkdownTable) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(MarkdownEscaping.tableCell).joined(separator: " | ") + " |"
        }
        let delimiters = table.alignments.map { alignment in
            switch alignment {
            case .left: " :--- "
            case .right: " ---: "
            case .center: " :---: "
            }
        }
        return ([line(table.header), "|" + delimiters.joined(separator: "|") + "|"] + table.rows.map(line)).joined(separator: "\n")
    }
}
