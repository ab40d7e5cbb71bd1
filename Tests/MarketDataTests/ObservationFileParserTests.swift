import MarketData
import Testing

@Suite struct ObservationFileParserTests {
    private func parse(_ text: String) throws(DiagnosticReport) -> ObservationTable {
        try ObservationFileParser.parse(bytes: Array(text.utf8), path: "macro.csv")
    }

    /// Every diagnostic the file gives, none when it loads.
    private func errors(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            _ = try ObservationFileParser.parse(bytes: bytes, path: "macro.csv")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func readsFREDWithDotsForMissingValuesAndInfersQuarters() throws {
        let table = try parse("observation_date,GDPC1\n2024-01-01,100\n2024-04-01,.\n2024-07-01,102\n")
        #expect(table.frequency == .quarterly)
        #expect(table.periods.map(\.description) == ["2024Q1", "2024Q2", "2024Q3"])
        #expect(table.column("GDPC1") == [100, nil, 102])
    }

    @Test func readsMonthlyAndQuarterlyDateForms() throws {
        #expect(try parse("date,value\n2025-10,1\n2025-11,2\n").frequency == .monthly)
        #expect(try parse("date,value\n2025Q3,1\n2025Q4,2\n").periods.last == ObservationPeriod.quarter(year: 2025, quarter: 4))
        #expect(try parse("DATE,VALUE\n2025-01-01,1\n2025-02-01,2\n").frequency == .monthly)
    }

    @Test func readsSeveralValueColumns() throws {
        let table = try parse("date,small,mid,large\n2025-01,10,9,8\n")
        #expect(table.columnNames == ["small", "mid", "large"])
        #expect(table.column("mid") == [9])
    }

    @Test func readsYearAndQuarterColumns() throws {
        let table = try parse("year,quarter,realgdp\n1959,1,2710.349\n1959,2,2778.801\n")
        #expect(table.periods.map(\.description) == ["1959Q1", "1959Q2"])
    }

    @Test func aFileListedNewestFirstIsToldOnce() throws {
        do {
            _ = try parse("date,value\n2025Q4,1\n2025Q3,2\n2025Q2,3\n2025Q1,4\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["2025Q3 is earlier than 2025Q4 on line 2: dates must increase"])
        }
    }

    @Test func aMissingDateColumnIsExplained() throws {
        do {
            _ = try parse("value,date\n1,2025-01\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.message.contains("not a date column") == true)
        }
    }

    /// Macro files share the price files' reader, and its misreading of a lone CR line end.
    @Test func aFileOfOldMacLineEndsIsOneErrorAtTheFirstLineEnd() {
        let errors = errors(Array("date,value\r2025Q1,1\r2025Q2,2\r".utf8))
        #expect(errors.map(\.location) == [SourceLocation(path: "macro.csv", line: 1, column: 11)])
        #expect(errors.first?.message == "the lines end in a lone CR (the old Mac format), not LF or CRLF")
    }

    @Test func aLatin1FileIsNotUTF8TextAtItsFirstInvalidByte() {
        let errors = errors(Array("date,value\n2025Q1,1\n2025Q2,2".utf8) + [0xA0, 0x0A])
        #expect(errors.map(\.location) == [SourceLocation(path: "macro.csv", line: 3, column: 9)])
        #expect(errors.first?.message == "the file is not UTF-8 text")
    }

    @Test func rowsOfOnlyCommasAreBlankLines() throws {
        let table = try parse("date,small,mid\n2025-01,1,2\n,,\n2025-02,3,4\n,,\n")
        #expect(table.column("mid") == [2, 4])
    }

    @Test func controlCharactersInARejectedValueAreShownEscaped() {
        #expect(errors(Array("date,value\n2025Q1,1\r5\n".utf8)).first?.message == "'1\\r5' is not a number")
    }
}
