import Analytics
import MarketData

/// The period-returns table of a note: one row per series, close and 1D, 5D, MTD, YTD, 1Y.
struct ReturnsTable {
    static let periods: [ReturnPeriod] = [.oneDay, .fiveDays, .monthToDate, .yearToDate, .oneYear]
    let facts: NoteFacts
    let figures: FigureLedger

    var markdown: String {
        let rows = facts.series.map { series -> [String] in
            let stale = series.sessionDate != facts.date
            let label = stale
                ? "\(series.symbol) (\(figures.date(series.sessionDate, "series.\(series.symbol).sessionDate", style: NumberStyle.shortDate)))"
                : series.symbol
            return [label, figures.price(series.close, "series.\(series.symbol).close")] + Self.periods.map { period in
                series.returnValue(period).map { figures.percent($0, "series.\(series.symbol).returns.\(period.rawValue)") } ?? "n/a"
            }
        }
        return MarkdownTable(header: ["Series", "Close"] + Self.periods.map(\.rawValue),
                             alignments: [.left] + Array(repeating: .right, count: Self.periods.count + 1), rows: rows).markdown
    }

    /// The names behind the symbols, then what "n/a" means when a cell has no return: `notAvailable`
    /// (the data do not reach back that far) or `notYet` (a dated row's close came before the
    /// note's month or year began).
    func legend(notAvailable: String, notYet: String) -> String {
        let names = facts.series.map { "**\(MarkdownEscaping.text($0.symbol))**: \(MarkdownEscaping.text($0.name))" }
        var reasons: [String] = []
        for series in facts.series {
            for period in Self.periods where series.returnValue(period) == nil {
                let reason = period.isTold(atClose: series.sessionDate, inNoteOf: facts.date) ? notAvailable : notYet
                if !reasons.contains(reason) { reasons.append(reason) }
            }
        }
        return (names + reasons).joined(separator: " · ")
    }
}
