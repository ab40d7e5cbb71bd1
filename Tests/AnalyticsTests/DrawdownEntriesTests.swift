import Foundation
import MarketData
import Testing
import TestSupport
@testable import Analytics

/// The sessions that enter correction (10%) and bear-market (20%) territory agree with a naive
/// walk over the real S&P 500 and NASDAQ closes: the first close at or past the line, at 0.01%,
/// after each record close.
@Suite struct DrawdownEntriesTests {
    static func naiveEntries(_ closes: [Double], threshold: Double) -> [Int] {
        var record = -Double.infinity, entered = false, entries: [Int] = []
        for (t, close) in closes.enumerated() {
            if close > record { (record, entered) = (close, false) }
            if !entered, ((close / record - 1) * 10_000).rounded() <= threshold * 10_000 { entries.append(t); entered = true }
        }
        return entries
    }

    @Test func entriesAgreeWithANaiveWalkOnRealData() throws {
        let analysis = HistoryAnalysis(inputs: try Fixtures.realProject())
        for series in analysis.series {
            for entries in series.drawdownEntries {
                #expect(entries.sessions == Self.naiveEntries(series.series.close, threshold: entries.yardstick.rawValue), "\(series.symbol)")
            }
        }
        let spx = try #require(analysis.series.first { $0.symbol == "SPX" })
        let corrections = spx.drawdownEntries[1].sessions.map { spx.series.dates[$0].description }
        #expect(corrections.count == 23 && corrections.filter { $0.hasPrefix("2018") } == ["2018-02-08", "2018-11-23"])
    }

    static func analysis(_ closes: [Double]) -> SeriesAnalysis {
        let dates = closes.indices.map { SessionDate("2024-01-01")!.adding(days: $0) }
        let config = SeriesConfig(symbol: "X", name: "X", shortName: "x", plural: false, file: "x.csv", returns: .price, topics: [],
                                  location: SourceLocation(path: "x.csv"))
        return SeriesAnalysis(config: config, series: PriceSeries(symbol: "X", dates: dates, closes: closes))
    }

    /// The edge-case audit: a close of 90.00 under a record close of 100.00 did not enter a
    /// correction (90 / 100 − 1 is −0.0999…98 in binary), 89.99 did, and 80.00 was "20.00% below
    /// …, in correction territory". A distance reaches a yardstick as a note prints it, at 0.01%.
    @Test func aCloseExactlyAtAYardstickEntersIt() throws {
        let analysis = Self.analysis([100.0, 95, 90, 89.99, 85, 80, 79.99])
        #expect((0...6).map { analysis.drawdownEntry(at: $0)?.threshold } == [nil, nil, -0.1, nil, nil, -0.2, nil])
        #expect(DrawdownYardstick.bearMarket.isReached(by: 79.996 / 100 - 1))
        #expect(!DrawdownYardstick.bearMarket.isReached(by: 80.006 / 100 - 1))
        #expect(DrawdownYardstick.correction.isReached(by: 90.0 / 100 - 1))
    }

    @Test func aSessionPastBothLinesAtOnceEntersTheBearMarket() throws {
        let analysis = Self.analysis([100.0, 110, 85, 80])
        #expect(analysis.drawdownEntry(at: 2)?.threshold == -0.2)
        #expect(analysis.drawdownEntry(at: 3) == nil)
        #expect(analysis.drawdownEntry(at: 1) == nil)
    }

    /// A bear market lasts from the close 20% below the record until a close 20% above the low
    /// since: back at 85 (15% below 100) after a low of 75 it goes on; at 90 (75 × 1.2) it ends,
    /// and stays ended at 80 (an audit found notes of December 1962 "still in the bear market it
    /// entered on May 28, 1962" four days after it ended, and in correction territory between);
    /// a new fall below 75 resumes it, from the same entry; a new record ends it.
    @Test func aBearMarketLastsUntilATwentyPercentRiseFromItsLowAndStaysEnded() {
        let analysis = Self.analysis([100.0, 90, 79, 75, 85, 89.9, 90, 80, 74, 101, 95])
        #expect((0...10).map { analysis.bearMarketEntry(at: $0) } == [nil, nil, 2, 2, 2, 2, nil, nil, 2, nil, nil])
    }

    /// A review: the end of a bear market was judged on the binary product, so a close of 12.36
    /// after a low of 10.30, 20.0% above it, did not end it (10.3 × 1.2 is 12.360000000000001),
    /// beside a note that prints the rise as 20%. It is judged at the printed 0.01%, as the entry is.
    @Test func aCloseExactlyTwentyPercentAboveTheLowEndsTheBearMarket() {
        let analysis = Self.analysis([13.0, 10.3, 12.36, 12.0])
        #expect((0...3).map { analysis.bearMarketEntry(at: $0) } == [nil, 1, nil, nil])
    }
}
