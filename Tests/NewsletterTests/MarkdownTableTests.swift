import Newsletter
import Testing

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
}
