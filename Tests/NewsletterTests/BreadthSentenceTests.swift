import Analytics
import MarketData
@testable import Newsletter
import Testing
import TestSupport

@Suite struct BreadthSentenceTests {
    /// An input review: a guidance file with an empty small-cap cell printed "No group leads on
    /// the share of companies raising guidance (small caps n/a, mid caps 18.8% and large caps
    /// 20.6%)": a missing figure is not a tie, and the sentence says what is missing instead.
    @Test func aReadingWithoutAFigureForAGroupDoesNotSayNoGroupLeads() throws {
        var market = RandomMarket(seed: 11)
        var inputs = market.project(sessions: 300)
        let table = try #require(inputs.breadth["b"])
        inputs.breadth["b"] = ObservationTable(frequency: table.frequency, periods: table.periods, columnNames: table.columnNames,
                                               values: [table.values[0].map { _ in nil }] + table.values.dropFirst())
        let analysis = HistoryAnalysis(inputs: inputs)
        let texts = analysis.sessions.map { date in
            NarrativeWriter().write(analysis.facts(on: date), figures: FigureLedger()).statements
                .filter { $0.section == .breadth }.flatMap(\.plain).joined(separator: " ")
        }.filter { !$0.isEmpty }
        #expect(!texts.isEmpty)
        for text in texts {
            #expect(text.hasPrefix("The reading of breadth for ") && text.contains(" has no figure for s (s n/a, m "), "\(text)")
            #expect(text.hasSuffix("so which group leads is not known."), "\(text)")
            #expect(!text.contains("No group leads"), "\(text)")
        }
    }
}
