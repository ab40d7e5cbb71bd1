import MarketData

/// A price on a day the project's calendar has no session: the data is of another market (or has
/// a stray row), so the calendar would tell a month's end a session too early.
public enum OffCalendarSessions {
    /// One warning per series, naming its first such day and how many there are.
    static func warnings(_ inputs: ProjectInputs) -> [Diagnostic] {
        let calendar = inputs.config.calendar
        return PriceRowWarnings.make(inputs) { series in
            guard let dates = inputs.prices(series.symbol)?.dates else { return nil }
            let off = dates.filter { !calendar.isSession($0) }
            guard let first = off.first else { return nil }
            let others = off.count == 1 ? "" : " (and on \(off.count - 1) other day\(off.count == 2 ? "" : "s"))"
            return (first, { line in
                Diagnostic(.warning, at: SourceLocation(path: series.file, line: line),
                           "\(series.symbol) has a price for \(first)\(others), when the '\(calendar.rawValue)' calendar "
                               + "has no session; notes may tell a month's end a session early",
                           hint: "set 'calendar: weekdays' in \(inputs.config.path) for a market with other holidays, "
                               + "or remove the row")
            })
        }
    }
}
