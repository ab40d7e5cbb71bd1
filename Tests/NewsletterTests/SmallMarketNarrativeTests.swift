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

    /// An audit: "Its last record run of three sessions or more ended in June 2023 and lasted 129
    /// sessions." of a run from the data's second session, and "in a run of eight" of a beat run
    /// from the first return. Such a run may have begun before the data: its length is a lower
    /// bound, and a longer run later is not "the longest in this data" for certain.
    @Test func aRunTheDataBeginWithIsToldAsLastingAtLeastItsLength() throws {
        // Five record closes (and beats of a flat B) from the second session, a flat year, then seven more.
        let a = [100.0, 101, 102, 103, 104, 105] + Array(repeating: 100, count: 300) + (106...112).map(Double.init)
        let analysis = SmallMarket.analysis(a: a, b: Array(repeating: 50, count: a.count))
        let third = SmallMarket.text(analysis, on: SmallMarket.date(308))
        #expect(third.contains("lasted at least five sessions."), "\(third)")
        #expect(third.contains("at least five") && !third.contains("a run of five") && !third.contains("(five sessions)")
                && !third.contains("ran five sessions"), "\(third)")
        let seventh = SmallMarket.text(analysis, on: SmallMarket.date(312))
        #expect(seventh.contains("No earlier record run in this data, which starts in 2015, lasted that long, though the data may open partway through one."),
                "\(seventh)")
        #expect(seventh.contains("No earlier run of A beating B in this data, which starts in 2015, was that long, though the data may open partway through one."),
                "\(seventh)")
    }

    /// A run still going since the data's start is told as lasting at least its length.
    @Test func aRunGoingSinceTheDataBeganIsToldAsAtLeastItsLength() throws {
        let a = (0..<300).map { 100 + Double($0) }
        let analysis = SmallMarket.analysis(a: a)
        let date = SmallMarket.date(299)
        #expect(analysis.facts(on: date).series("A")?.closingRecord.streak.lengthIsMinimum == true)
        let narrative = NarrativeWriter().write(analysis.facts(on: date), figures: FigureLedger())
        #expect(narrative.headline.contains("at least"), "\(narrative.headline)")
    }
}
