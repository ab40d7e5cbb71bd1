import Foundation
import MarketData
import Newsletter

/// A close at least twice, or at most half, the close before it, on a session whose note is being
/// built or that no published note has covered yet: a digit typed twice or a split the file does
/// not adjust for, far more often than a real move. The note would tell it as a record gain or
/// loss, or measure records and drawdowns from it, so the build names the row to check.
public enum ImplausibleMoves {
    /// No index or index fund has moved this far in a session; a 2-for-1 split does.
    static let factor = 2.0

    /// One warning per series, at the row of its largest such move among the sessions from
    /// `first` (or the series' date in `corrected`, when earlier: its rows changed from there) to `last`.
    static func warnings(_ inputs: ProjectInputs, from first: SessionDate, to last: SessionDate,
                         corrected: [String: SessionDate] = [:]) -> [Diagnostic] {
        PriceRowWarnings.make(inputs) { series in
            guard let prices = inputs.prices(series.symbol) else { return nil }
            let closes = prices.returnBasis(series.returns)
            let from = corrected[series.symbol].map { min($0, first) } ?? first
            let start = max(1, prices.dates.partitioningIndex { $0 >= from })
            let end = prices.dates.partitioningIndex { $0 > last }
            let ratio = { (t: Int) in closes[t] / closes[t - 1] }
            let moves = (start..<max(start, end)).filter { isImplausible(ratio($0)) }
            // The largest by its factor either way: a tenth is as large as ten times.
            guard let largest = moves.max(by: { abs(log(ratio($0))) < abs(log(ratio($1))) }) else { return nil }
            let date = prices.dates[largest]
            let others = moves.count == 1 ? "" : " (and \(moves.count - 1) other move\(moves.count == 2 ? "" : "s") as large)"
            return (date, { line in
                Diagnostic(.warning, at: SourceLocation(path: series.file, line: line),
                           "\(series.symbol) closed at \(NumberStyle.price(closes[largest])) on \(date), \(change(ratio(largest))) "
                               + "\(NumberStyle.price(closes[largest - 1])) the session before\(others); the note reports it as the day's move",
                           hint: "check the row for a typo; for a split, use split-adjusted prices; a move that really happened needs nothing")
            })
        }
    }

    /// The first session to check for a build whose first note is `first`: the session after the
    /// site's newest note when that is earlier (rows dropped in since the last build, whose notes
    /// are not built but whose closes the new note measures from), the data's first on a site
    /// without notes. A row already covered by a published note was checked then, and a move an
    /// editor has seen and kept is not reported every morning.
    static func firstUnchecked(_ sessions: [SessionDate], published: SiteManifest, first: SessionDate) -> SessionDate {
        guard let newest = published.notes.last?.date else { return sessions.first ?? first }
        return min(first, sessions.first { $0 > newest } ?? first)
    }

    static func isImplausible(_ ratio: Double) -> Bool {
        ratio >= factor || ratio <= 1 / factor
    }

    /// "down 90.0% from", "up 100.0% from": the move as the note would print it.
    static func change(_ ratio: Double) -> String {
        (ratio >= 1 ? "up " : "down ") + NumberStyle.percent(abs(ratio - 1), signed: false) + " from"
    }
}
