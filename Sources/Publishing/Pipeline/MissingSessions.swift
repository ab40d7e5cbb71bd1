import MarketData

/// Sessions of the calendar missing inside a price file (a row dropped by the download, a month
/// left out when the file was put together): a return across the gap spans it, so a note would
/// tell a two-session move as the day's ("its biggest one-day gain") and nothing else would say so.
/// The 1D and 5D returns count rows; the period returns are measured from dates, and span no more.
public enum MissingSessions {
    /// The sessions missing in a row that make a gap worth a warning: under the NYSE calendar,
    /// whose holidays are known, one; under `weekdays`, a market's own holidays are single days
    /// (a week-long closure is named too).
    static func reportedGap(_ calendar: ExchangeCalendar) -> Int {
        calendar == .nyse ? 1 : 5
    }

    /// One warning per series, at the row after its longest gap (the latest of equals), with how
    /// many others there are.
    static func warnings(_ inputs: ProjectInputs) -> [Diagnostic] {
        let calendar = inputs.config.calendar
        return PriceRowWarnings.make(inputs) { series in
            guard let prices = inputs.prices(series.symbol) else { return nil }
            // A row of `null` prices on a session has its own warning, at its line.
            let dates = prices.nullRows.isEmpty ? prices.dates : (prices.dates + prices.nullRows.map(\.date)).sorted()
            let gaps = Self.gaps(in: dates, calendar: calendar)
            guard let most = gaps.map(\.count).max(), let longest = gaps.last(where: { $0.count == most }) else { return nil }
            let others = gaps.count == 1 ? "" : " (and \(gaps.count - 1) other gap\(gaps.count == 2 ? "" : "s"))"
            let missing = longest.count == 1 ? "\(longest.first), a session of the '\(calendar.rawValue)' calendar"
                : "\(longest.count) sessions, \(longest.first) to \(longest.last)"
            // Under `weekdays` a long market closure (a week-long holiday) is a gap too.
            let hint = calendar == .nyse ? "add the missing rows; a market with other holidays takes 'calendar: weekdays' in \(inputs.config.path)"
                : "add the missing rows, unless the market was closed then"
            return (longest.next, { line in
                Diagnostic(.warning, at: SourceLocation(path: series.file, line: line),
                           "\(series.symbol) has no prices for \(missing)\(others); the daily return of \(longest.next) "
                               + "spans \(longest.count == 1 ? "two" : String(longest.count + 1)) sessions, "
                               + "and the 5D returns of the five rows from it \(longest.count == 1 ? "six" : String(longest.count + 5))",
                           hint: hint)
            })
        }
    }

    /// The runs of calendar sessions missing between two consecutive dates of `dates`, each with
    /// the date that follows it.
    static func gaps(in dates: [SessionDate], calendar: ExchangeCalendar) -> [(first: SessionDate, last: SessionDate, count: Int, next: SessionDate)] {
        var gaps: [(first: SessionDate, last: SessionDate, count: Int, next: SessionDate)] = []
        // Consecutive days need no walk; most other pairs are a weekend.
        for (before, after) in zip(dates, dates.dropFirst()) where after.dayNumber - before.dayNumber > 1 {
            let first = calendar.nextSession(after: before)
            var session = first, missing = 0, last = before
            while session < after {
                missing += 1
                last = session
                session = calendar.nextSession(after: session)
            }
            if missing >= reportedGap(calendar) { gaps.append((first, last, missing, after)) }
        }
        return gaps
    }
}
