import Analytics
import MarketData

/// The period-returns table of a note: one row per series, close and 1D, 5D, MTD, YTD, 1Y.
struct ReturnsTable {
    static let periods: [ReturnPeriod] = [.oneDay, .fiveDays, .monthToDate, .yearToDate, .oneYear]
    let facts: NoteFacts
    let figures: FigureLedger
    let sources: Sources

    /// Where in `facts.json` each cell of a series' row comes from (`series.IWM.returns.YTD`),
    /// made once a build for the project's series (callgrind: putting the seven paths of a row
    /// together from their pieces, for every note, was about 1% of a backfill's instructions).
    struct Sources: Sendable {
        struct Row: Sendable {
            let sessionDate: String
            let close: String
            /// One for each of `periods`, in its order.
            let returns: [String]

            init(symbol: String) {
                sessionDate = "series.\(symbol).sessionDate"
                close = "series.\(symbol).close"
                returns = ReturnsTable.periods.map { "series.\(symbol).returns.\($0.rawValue)" }
            }
        }

        private let rows: [String: Row]

        init(symbols: [String]) {
            rows = Dictionary(symbols.map { ($0, Row(symbol: $0)) }, uniquingKeysWith: { first, _ in first })
        }

        /// The row's paths; made on the spot for a symbol the project does not list.
        func row(_ symbol: String) -> Row { rows[symbol] ?? Row(symbol: symbol) }
    }

    var markdown: String {
        let rows = facts.series.map { series -> [String] in
            let paths = sources.row(series.symbol)
            let stale = series.sessionDate != facts.date
            let label = stale
                ? "\(series.symbol) (\(figures.date(series.sessionDate, paths.sessionDate, style: NumberStyle.shortDate)))"
                : series.symbol
            return [label, figures.price(series.close, paths.close)] + zip(Self.periods, paths.returns).map { period, path in
                series.returnValue(period).map { figures.percent($0, path) } ?? "n/a"
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
