import MarketData
import Testing

@Suite struct PriceFileParserTests {
    private func parse(_ text: String, symbol: String = "X") throws(DiagnosticReport) -> [String: PriceSeries] {
        try PriceFileParser.parse(bytes: Array(text.utf8), path: "prices.csv", symbol: symbol)
    }

    private func firstError(_ text: String) -> Diagnostic? { errors(Array(text.utf8)).first }

    /// Every diagnostic the file gives, none when it loads.
    private func errors(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            _ = try PriceFileParser.parse(bytes: bytes, path: "prices.csv", symbol: "X")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func readsYahooFinanceWithAdjustedClose() throws {
        let series = try #require(try parse("""
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,10,11,9,10.5,10.4,1000
            2024-01-03,10.5,12,10,11.75,11.6,1200

            """)["X"])
        #expect(series.dates.map(\.description) == ["2024-01-02", "2024-01-03"])
        #expect(series.close == [10.5, 11.75])
        #expect(series.adjustedClose == [10.4, 11.6])
        #expect(series.volume == [1000, 1200])
    }

    /// Yahoo writes a row of "null" for a day without trading (2018-12-05, the national day of
    /// mourning): it was an error, "Open 'null' is not a number", with a hint to write a number.
    @Test func leavesOutYahoosRowsOfNullPricesAndKeepsTheirLines() throws {
        let series = try #require(try parse("""
            Date,Open,High,Low,Close,Adj Close,Volume
            2018-12-04,10,11,9,10.5,10.5,1000
            2018-12-05,null,null,null,null,null,null
            2018-12-06,10.5,12,10,11.75,11.75,1200

            """)["X"])
        #expect(series.dates.map(\.description) == ["2018-12-04", "2018-12-06"])
        #expect(series.nullRows.map { "\($0.date):\($0.line)" } == ["2018-12-05:3"])
        let partly = firstError("Date,Open,High,Low,Close\n2018-12-05,null,10,9,null\n")
        #expect(partly?.message == "Open 'null' is not a number")
        #expect(partly?.hint?.hasPrefix("a row whose prices are all 'null' (Yahoo's day without trading) is left out") == true)
    }

    /// Nasdaq.com's historical-data download, as it comes: `Close/Last`, dollar signs, US dates
    /// and the newest row first. It took four rounds of hand-editing to load.
    @Test func readsNasdaqComAsDownloaded() throws {
        let series = try #require(try parse("""
            Date,Close/Last,Volume,Open,High,Low
            01/16/2026,$264.00,30000000,$263.00,$265.00,$262.00
            01/15/2026,$263.89,36829772,$262.40,$264.52,$261.99
            01/14/2026,$261.95,17945212,$260.12,$262.65,$259.99

            """)["X"])
        #expect(series.dates.map(\.description) == ["2026-01-14", "2026-01-15", "2026-01-16"])
        #expect(series.close == [261.95, 263.89, 264.00])
        #expect(series.open == [260.12, 262.40, 263.00] && series.high == [262.65, 264.52, 265.00] && series.low == [259.99, 261.99, 262.00])
        #expect(series.volume == [17945212, 36829772, 30000000])
        let shuffled = firstError("Date,Close/Last,Volume,Open,High,Low\n01/15/2026,$2,1,$2,$2,$2\n01/16/2026,$2,1,$2,$2,$2\n")
        #expect(shuffled?.message == "2026-01-16 is later than 2026-01-15 on line 2: a Nasdaq.com file lists its rows newest first")
        // Only Nasdaq.com's layout reads slash dates, and reads them in its US order.
        #expect(firstError("Date,Open,High,Low,Close\n01/02/2026,1,1,1,1\n")?.message == "'01/02/2026' is not a date")
    }

    @Test func readsStooqWithoutAdjustedCloseAndWithCRLFAndBOM() throws {
        let series = try #require(try parse("\u{FEFF}Date,Open,High,Low,Close,Volume\r\n2024-01-02,1,2,0.5,1.5,10\r\n")["X"])
        #expect(series.close == [1.5])
        #expect(series.adjustedClose == nil)
    }

    @Test func readsTheStooqBulkFormWithCompactDates() throws {
        let series = try parse("""
            <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>
            AAPL.US,D,20240102,000000,10,11,9,10.5,100,0
            """, symbol: "AAPL.US")
        #expect(series["AAPL.US"]?.dates.first == SessionDate("2024-01-02"))
    }

    @Test func aLongFormatFileHoldsManySymbols() throws {
        let series = try parse("""
            symbol,date,open,high,low,close,volume
            A,2024-01-02,1,1,1,1,0
            B,2024-01-02,2,2,2,2,0
            A,2024-01-03,1,1.5,1,1.5,0
            """)
        #expect(series["A"]?.close == [1, 1.5])
        #expect(series["B"]?.close == [2])
    }

    @Test func highBelowLowIsAnErrorAtTheHighColumn() throws {
        let error = try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,10,9,11,10\n"))
        #expect(error.location == SourceLocation(path: "prices.csv", line: 2, column: 15))
        #expect(error.message.contains("below Low"))
        #expect(error.hint != nil)
    }

    @Test func unsortedAndDuplicatedDatesAreErrors() throws {
        let duplicate = try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,1,1,1,1\n2024-01-02,1,1,1,1\n"))
        #expect(duplicate.message.contains("appears twice"))
        let backwards = try #require(firstError("Date,Open,High,Low,Close\n2024-01-03,1,1,1,1\n2024-01-02,1,1,1,1\n"))
        #expect(backwards.location.line == 3)
        #expect(backwards.message.contains("dates must increase"))
    }

    /// A file listed newest first put "dates must increase" on every row (20 copies): a run of
    /// rows out of order is told once, and a later, separate one is told again.
    @Test func aFileListedNewestFirstIsToldOnce() throws {
        let rows = (1...9).reversed().map { "2024-01-0\($0),1,1,1,1" } + ["2024-01-10,1,1,1,1", "2024-01-08,1,1,1,1"]
        do {
            _ = try parse("Date,Open,High,Low,Close\n" + rows.joined(separator: "\n") + "\n")
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [3, 12])
            #expect(error.diagnostics.first?.message == "2024-01-08 is earlier than 2024-01-09 on line 2: dates must increase")
            #expect(error.diagnostics.first?.hint == "sort the rows by date, oldest first; a file listed newest first needs its rows reversed")
        }
    }

    /// "6,649.52" got the generic "write a finite decimal number" hint; "1,5" keeps the decimal
    /// comma's, since "1,234" could be either.
    /// A spreadsheet's export with "11/16/2018" dates gave twenty errors whose hint only named
    /// the format: the hint gives the date to write if it is month/day/year.
    @Test func aSlashDateOutsideANasdaqDownloadIsGivenItsISOForm() throws {
        let slash = try #require(firstError("Date,Open,High,Low,Close\n11/16/2018,1,1,1,1\n"))
        #expect(slash.message == "'11/16/2018' is not a date")
        #expect(slash.hint == "price files use YYYY-MM-DD (or YYYYMMDD) dates: write 2018-11-16 if this is month/day/year "
                + "(slash dates are read only in a Nasdaq.com download, whose layout fixes the month)")
        #expect(firstError("Date,Open,High,Low,Close\n2025-02-30,1,1,1,1\n")?.hint == "price files use YYYY-MM-DD (or YYYYMMDD) dates")
    }

    @Test func aThousandsSeparatorIsNamedWithTheNumberWithout() throws {
        let grouped = try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,\"6,649.52\",1,1,1\n"))
        #expect(grouped.message == "Open '6,649.52' is not a number")
        #expect(grouped.hint == "leave out the thousands separators: write 6649.52")
        let comma = try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,\"1,5\",1,1,1\n"))
        #expect(comma.hint == "write the decimal point as '.', not ','")
    }

    @Test func everyBadRowIsReported() throws {
        do {
            _ = try parse("Date,Open,High,Low,Close\n2024-01-02,x,1,1,1\n2024-01-03,1,1,1,-1\n2024-13-01,1,1,1,1\n")
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [2, 3, 4])
        }
    }

    @Test func nanAndInfinityAreNotNumbers() throws {
        #expect(try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,nan,1,1,1\n")).message.contains("not a number"))
        #expect(try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,1,inf,1,1\n")).message.contains("not a number"))
    }

    @Test func unknownColumnsAndWrongDelimitersAreExplained() throws {
        #expect(try #require(firstError("Date,Open,High,Low,Close,Foo\n")).message.contains("unknown column 'Foo'"))
        #expect(try #require(firstError("Date;Open;High;Low;Close\n")).message.contains("semicolon"))
    }

    /// Excel's "CSV (Macintosh)" ends lines in a lone CR: the file was one header row, and an
    /// S&P 500 history gave 6,037 errors such as "unknown column '2058.899902' in a price file".
    @Test func aFileOfOldMacLineEndsIsOneErrorAtTheFirstLineEnd() {
        let errors = errors(Array("Date,Open,High,Low,Close\r2024-01-02,1,1,1,1\r2024-01-03,1,1,1,1\r".utf8))
        #expect(errors.map(\.location) == [SourceLocation(path: "prices.csv", line: 1, column: 25)])
        #expect(errors.first?.message == "the lines end in a lone CR (the old Mac format), not LF or CRLF")
        #expect(errors.first?.hint == "save the file again with LF or CRLF line ends (\"CSV UTF-8\" in Excel, not \"CSV (Macintosh)\")")
    }

    /// A header of 100 unknown columns gave 100 errors, while rows stop at the file's twentieth.
    @Test func headerErrorsStopAtTheFileLimitAsRowErrorsDo() {
        let header = "Date,Open,High,Low,Close," + (1...100).map { "x\($0)" }.joined(separator: ",")
        let errors = errors(Array((header + "\n2024-01-02,1,1,1,1\n").utf8))
        #expect(errors.count == 21)
        #expect(errors.prefix(20).map(\.message) == (1...20).map { "unknown column 'x\($0)' in a price file" })
        #expect(errors.last?.message == "too many errors in this file; stopped reading it")
        #expect(errors.last?.location == SourceLocation(path: "prices.csv", line: 1, column: 1))
    }

    /// A Latin-1 file read as "unknown column 'W\u{FFFD}hrung'", where a quote file is told it
    /// is not UTF-8: price files are told so too, at the first byte that is not.
    @Test func aLatin1FileIsNotUTF8TextAtItsFirstInvalidByte() {
        let errors = errors(Array("Date,Open,High,Low,Close,W".utf8) + [0xE4] + Array("hrung\n2024-01-02,1,1,1,1,EUR\n".utf8))
        #expect(errors.map(\.location) == [SourceLocation(path: "prices.csv", line: 1, column: 27)])
        #expect(errors.first?.message == "the file is not UTF-8 text")
        #expect(errors.first?.hint == "save it as UTF-8 (it may be Latin-1 or Windows-1252)")
    }

    /// Excel leaves rows of commas below a sheet's data; each was "'' is not a date".
    @Test func rowsOfOnlyCommasAreBlankLines() throws {
        let series = try #require(try parse("Date,Open,High,Low,Close\n2024-01-02,1,1,1,1\n,,,,\n2024-01-03,1,1,1,1\n,,,,\n,,,,\n")["X"])
        #expect(series.dates.map(\.description) == ["2024-01-02", "2024-01-03"])
    }

    /// A stray CR in a field printed "Adj Close '2260.959961' is not a number", the CR invisible.
    @Test func controlCharactersInARejectedValueAreShownEscaped() throws {
        let header = "Date,Open,High,Low,Close,Adj Close,Volume\n"
        let number = try #require(firstError(header + "2017-01-03,1,1,1,1,2260.959961\r,100\n"))
        #expect(number.message == "Adj Close '2260.959961\\r' is not a number")
        #expect(number.hint == "remove the control characters (shown escaped) from the number")
        let date = try #require(firstError(header + "2017-01-03\t,1,1,1,1,1,100\n"))
        #expect(date.message == "'2017-01-03\\t' is not a date")
    }

    @Test func anEmptyFileIsAnError() throws {
        #expect(try #require(firstError("")).message.contains("empty"))
    }

    @Test func aTruncatedLastLineIsReported() throws {
        let error = try #require(firstError("Date,Open,High,Low,Close\n2024-01-02,1,1,1,1\n2024-01-03,1,1"))
        #expect(error.message.contains("expected 5 fields, found 3"))
    }
}

@Suite struct NumberParserTests {
    @Test func plainDecimalsMatchTheStandardLibrary() {
        for text in ["0", "1", "-2.5", "123.456", "0.1", "2208.050049", "17361.99", "+4", ".5", "1e3", "2.5E-2"] {
            #expect(NumberParser.double(text) == Double(text.hasPrefix("+") ? String(text.dropFirst()) : text), "\(text)")
        }
    }

    /// Random decimals on both sides of the fast path's limits (2^53, 19 digits, 22 after the
    /// point), with signs and leading and trailing zeros, are read as the standard library reads
    /// them: correctly rounded.
    @Test func randomDecimalsMatchTheStandardLibraryOnBothSidesOfTheFastPath() {
        var random = SystemRandomNumberGenerator()
        let limit = String(1 << 53)
        var texts = [limit, String((1 << 53) + 1), "9007199254740993", "0.9007199254740993", "-" + limit + ".0",
                     "0." + String(repeating: "0", count: 21) + "1", "0." + String(repeating: "0", count: 22) + "1",
                     String(repeating: "9", count: 19), String(repeating: "9", count: 20), "0000000000000000000001.5", "5.", "-.5"]
        for _ in 0..<20_000 {
            let digits = String((0..<Int.random(in: 1...26, using: &random)).map { _ in "0123456789".randomElement(using: &random)! })
            let point = Int.random(in: 0...digits.count, using: &random)
            var text = String(digits.prefix(point)) + (point == digits.count && Bool.random(using: &random) ? "" : ".") + digits.dropFirst(point)
            if text == "." { text = "0." }
            texts.append(["", "-", "+"].randomElement(using: &random)! + text)
        }
        for text in texts {
            let expected = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
            #expect(NumberParser.double(text)?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test func rejectsTextStrtodWouldAccept() {
        for text in ["nan", "inf", "0x10", " 1", "1 ", "", "-", "1e", "1.2.3"] {
            #expect(NumberParser.double(text) == nil, "\(text)")
        }
    }
}
