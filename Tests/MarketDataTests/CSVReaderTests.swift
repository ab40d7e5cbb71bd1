import MarketData
import Testing

@Suite struct CSVReaderTests {
    /// Every row of `text`, as its fields' text and each field's column.
    private func rows(_ text: String) throws -> [[(String, Int)]] {
        var reader = CSVReader(path: "t.csv", bytes: Array(text.utf8))
        var rows: [[(String, Int)]] = []
        while try reader.nextRow() {
            rows.append((0..<reader.fieldCount).map { (reader.string($0), reader.location(ofField: $0).column) })
        }
        return rows
    }

    private func texts(_ text: String) throws -> [[String]] { try rows(text).map { $0.map(\.0) } }

    @Test func quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() throws {
        #expect(try texts("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n") == [["a", "b,c", "say \"hi\""], ["two\nlines", "x"]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try texts("5\"x,y\"z\n\"q\"r,s\n") == [["5\"x", "y\"z"], ["\"q\"r", "s"]])
    }

    @Test func crlfEndsARowButALoneCarriageReturnInsideARowIsText() throws {
        #expect(try texts("a,b\r\nc\r,d\r\n\r\ne,\r\n") == [["a", "b"], ["c\r", "d"], ["e", ""]])
    }

    /// A row of empty fields (Excel's `,,,,` below a sheet's data) is blank too.
    @Test func blankLinesAreSkippedAndTheLastLineNeedsNoLineEnd() throws {
        #expect(try texts("\u{FEFF}h1,h2\n\n1,2\n\n3,4") == [["h1", "h2"], ["1", "2"], ["3", "4"]])
        #expect(try texts("h1,h2\n,\n1,\n\"\",\"\"\r\n,,,\n") == [["h1", "h2"], ["1", ""]])
    }

    @Test func columnsCountCharactersAndPointAtTheFieldAsWritten() throws {
        let columns = try rows("é,\"ü\",x\n").map { $0.map(\.1) }
        #expect(columns == [[1, 3, 7]])
    }

    @Test func lineNumbersCountTheLinesInsideQuotedFields() throws {
        var reader = CSVReader(path: "t.csv", bytes: Array("a\n\"b\nc\"\nd\n".utf8))
        var lines: [Int] = []
        while try reader.nextRow() { lines.append(reader.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test func anUnclosedQuoteIsAnErrorAtItsOpeningQuote() {
        var reader = CSVReader(path: "t.csv", bytes: Array("a,b\nc,\"d\n".utf8))
        do {
            while try reader.nextRow() {}
            Issue.record("an unclosed quote was read without an error")
        } catch {
            #expect(error.location == SourceLocation(path: "t.csv", line: 2, column: 3))
        }
    }
}
