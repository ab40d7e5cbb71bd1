import Analytics
import MarketData
@testable import Newsletter
import Testing

/// Notes on small hand-made series, each built for one rule of the narrative.
@Suite struct SmallMarketNarrativeTests {
    /// An audit: a series that entered a bear market and came back within 10% of its record was
    /// "still in the bear market it entered on January 10, 2024" one day and, with the facts still
    /// holding `bearMarketSince`, said nothing of it the next.
    @Test func aBearMarketTheFactsHoldIsToldBackWithinTenPercentOfTheRecord() throws {
        // A year's climb to a record of 100, a fall to 79 (a bear market), then 92: 16% above the low.
        let closes = (0..<260).map { 50 + 50 * Double($0) / 259 } + [95, 90, 85, 79, 85, 90, 92, 92]
        let analysis = SmallMarket.analysis(a: closes)
        let date = SmallMarket.date(closes.count - 1)
        let facts = try #require(analysis.facts(on: date).series("A"))
        #expect(facts.bearMarketSince == SmallMarket.date(263) && facts.drawdown > -0.10)
        let text = SmallMarket.text(analysis, on: date)
        #expect(text.contains("A stands 8.0% below its record close of 100.00 from "), "\(text)")
        #expect(text.contains(", still in the bear market it entered on "), "\(text)")
    }
}
