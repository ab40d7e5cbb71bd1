import Foundation
import MarketData
import TestSupport
import Testing

/// A warning about a row names the row's line, found as the parser reads the file.
@Suite struct PriceFileRowsTests {
    private func lines(_ text: String, _ rows: [(symbol: String, date: String)]) throws -> [Int?] {
        let path = ScratchFolder.make("rows") + "/prices.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return PriceFileRows.lines(of: rows.map { (symbol: $0.symbol, date: SessionDate($0.date)!) }, inFile: path)
    }

    /// Nasdaq.com's download dates its rows MM/DD/YYYY; the warning still points at the row.
    @Test func theRowIsFoundInEveryDateLayoutThatLoads() throws {
        for (text, line) in [("Date,Close/Last,Volume,Open,High,Low\n01/16/2026,$2,1,$2,$2,$2\n01/15/2026,$1,1,$1,$1,$1\n", 3),
                             ("Date,Open,High,Low,Close\n20260114,1,1,1,1\n20260115,2,2,2,2\n", 3),
                             ("Date,Open,High,Low,Close\n2026-01-15,2,2,2,2\n", 2)] {
            #expect(try lines(text, [("X", "2026-01-15")]) == [line], "\(text)")
        }
    }

    /// A code review: in a long-format file the line of the first row holding the date anywhere was
    /// named, another symbol's ("SPY has no prices for 2025-06-10" at IWM's row of 2025-06-11,
    /// while the row is 6,500 lines further), or a volume whose digits spelt the date.
    @Test func aLongFormatFilesRowIsTheSymbolsOwn() throws {
        let text = """
            Symbol,Date,Open,High,Low,Close,Volume
            IWM,2025-06-10,210,210,210,210,20250611
            IWM,2025-06-11,211,211,211,211,1
            SPY,2025-06-09,600,600,600,600,1
            SPY,2025-06-11,601,601,601,601,1

            """
        #expect(try lines(text, [("SPY", "2025-06-11"), ("IWM", "2025-06-11"), ("SPY", "2025-06-10")]) == [5, 3, nil])
    }
}
