import Analytics
import MarketData
@testable import Newsletter
import TestSupport

/// Notes written from small hand-made series: the random project's config (series A and B, A
/// against B, breadth table "b" with groups s, m and l, focus s) over the prices and breadth
/// readings a test gives, on weekdays from 2015-01-01.
enum SmallMarket {
    /// A's highs and lows are 1% either side of its closes when it is `ranged`, else its closes.
    /// B, when given, has no row on session `bLacks` (its figure there is dropped).
    static func analysis(a: [Double], ranged: Bool = false, b: [Double]? = nil, bLacks: Int? = nil,
                         breadth: [[Double?]]? = nil) -> HistoryAnalysis {
        var random = RandomMarket(seed: 1)
        var inputs = random.project(sessions: 300)
        let dates = RandomMarket.weekdays(a.count)
        inputs.prices = [ranged ? PriceSeries(symbol: "A", dates: dates, open: a, high: a.map { $0 * 1.01 }, low: a.map { $0 * 0.99 }, close: a)
                                : PriceSeries(symbol: "A", dates: dates, closes: a)]
            + (b.map { b in
                let kept = b.indices.filter { $0 != bLacks }
                let days = RandomMarket.weekdays(b.count)
                return [PriceSeries(symbol: "B", dates: kept.map { days[$0] }, closes: kept.map { b[$0] })]
            } ?? [])
        inputs.macro = [:]
        if let breadth {
            let months = (0..<breadth[0].count).map { ObservationPeriod.month(year: 2015 + $0 / 12, month: $0 % 12 + 1) }
            inputs.breadth["b"] = ObservationTable(frequency: .monthly, periods: months, columnNames: ["s", "m", "l"], values: breadth)
        } else {
            inputs.breadth = [:]
        }
        return HistoryAnalysis(inputs: inputs)
    }

    /// The note's tables and the notes under them.
    static func blocks(_ analysis: HistoryAnalysis, on date: SessionDate) -> [String] {
        NarrativeWriter().write(analysis.facts(on: date), figures: FigureLedger()).statements.flatMap(\.blocks)
    }

    /// The note's sentences, as plain text.
    static func text(_ analysis: HistoryAnalysis, on date: SessionDate) -> String {
        NarrativeWriter().write(analysis.facts(on: date), figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
    }

    /// Weekday `index` from 2015-01-01, as the series' sessions are dated.
    static func date(_ index: Int) -> SessionDate { RandomMarket.weekdays(index + 1)[index] }
}
