import MarketData

/// Rows of `null` prices (Yahoo's rows for a day without trading) are left out of their series.
/// On a day the market was closed that is all there is to it; on a session of the calendar the
/// series misses that session, and the next session's returns span two, so the build says so.
public enum NullPriceRows {
    /// One warning per series with a `null` row on a session, at the first such row.
    static func warnings(_ inputs: ProjectInputs) -> [Diagnostic] {
        let calendar = inputs.config.calendar
        return inputs.config.series.compactMap { series in
            guard let rows = inputs.prices(series.symbol)?.nullRows.filter({ calendar.isSession($0.date) }),
                  let first = rows.first else { return nil }
            let others = rows.count == 1 ? "" : " (and on \(rows.count - 1) other session\(rows.count == 2 ? "" : "s"))"
            return Diagnostic(.warning, at: SourceLocation(path: series.file, line: first.line),
                              "\(series.symbol) has a row of 'null' prices on \(first.date)\(others), a session of the "
                                  + "'\(calendar.rawValue)' calendar; the row is left out, so the next session's returns span two",
                              hint: "add the session's prices, or remove the row if the market was closed that day")
        }
    }
}
