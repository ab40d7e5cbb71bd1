import Foundation
import MarketData
import Testing
import TestSupport
@testable import Analytics

/// The sessions that enter correction (10%) and bear-market (20%) territory agree with a naive
/// walk over the real S&P 500 and NASDAQ closes: the first close at or past the line after each
/// record close.
@Suite struct DrawdownEntriesTests {
    static func naiveEntries(_ closes: [Double], threshold: Double) -> [Int] {
        var record = -Double.infinity, entered = false, entries: [Int] = []
        for (t, close) in closes.enumerated() {
            if close > record { (record, entered) = (close, false) }
            if !entered, close / record - 1 <= threshold { entries.append(t); entered = true }
        }
        return entries
    }

    @Test func entriesAgreeWithANaiveWalkOnRealData() throws {
        let analysis = HistoryAnalysis(inputs: try Fixtures.realProject())
        for series in analysis.series {
            for entries in series.drawdownEntries {
                #expect(entries.sessions == Self.naiveEntries(series.series.close, threshold: entries.threshold), "\(series.symbol)")
            }
        }
        let spx = try #require(analysis.series.first { $0.symbol == "SPX" })
        let corrections = spx.drawdownEntries[1].sessions.map { spx.series.dates[$0].description }
        #expect(corrections.count == 23 && corrections.filter { $0.hasPrefix("2018") } == ["2018-02-08", "2018-11-23"])
    }

    @Test func aSessionPastBothLinesAtOnceEntersTheBearMarket() throws {
        let closes = [100.0, 110, 85, 80]
        let dates = (2...5).map { SessionDate("2024-01-0\($0)")! }
        let config = SeriesConfig(symbol: "X", name: "X", shortName: "x", plural: false, file: "x.csv", returns: .price, topics: [],
                                  location: SourceLocation(path: "x.csv"))
        let analysis = SeriesAnalysis(config: config, series: PriceSeries(symbol: "X", dates: dates, closes: closes))
        #expect(analysis.drawdownEntry(at: 2)?.threshold == -0.2)
        #expect(analysis.drawdownEntry(at: 3) == nil)
        #expect(analysis.drawdownEntry(at: 1) == nil)
    }
}
