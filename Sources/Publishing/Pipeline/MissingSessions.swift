import MarketData

/// A week or more of sessions missing inside a price file (a month left out when the file was
/// put together): every return across the gap spans it, and nothing else would say so.
public enum MissingSessions {
    /// Sessions of the calendar missing in a row, from which a gap is reported.
    static let reportedGap = 5

    /// One warning per series, naming its longest gap and how many others there are.
    static func warnings(_ inputs: ProjectInputs) -> [Diagnostic] {
        let calendar = inputs.config.calendar
        return inputs.config.series.compactMap { series in
            guard let dates = inputs.prices(series.symbol)?.dates else { return nil }
            let gaps = Self.gaps(in: dates, calendar: calendar)
            guard let longest = gaps.max(by: { $0.count < $1.count }) else { return nil }
            let others = gaps.count == 1 ? "" : " (and \(gaps.count - 1) other gap\(gaps.count == 2 ? "" : "s") of \(reportedGap) or more)"
            // Under `weekdays` a long market closure (a week-long holiday) is a gap too.
            let hint = calendar == .nyse ? "add the missing rows; a market with other holidays takes 'calendar: weekdays' in \(inputs.config.path)"
                : "add the missing rows, unless the market was closed then"
            return Diagnostic(.warning, at: SourceLocation(path: series.file),
                              "\(series.symbol) has no prices for \(longest.count) sessions, \(longest.first) to \(longest.last)\(others); "
                                  + "returns across the gap span it",
                              hint: hint)
        }
    }

    /// The runs of at least `reportedGap` calendar sessions between two consecutive dates of `dates`.
    static func gaps(in dates: [SessionDate], calendar: ExchangeCalendar) -> [(first: SessionDate, last: SessionDate, count: Int)] {
        var gaps: [(first: SessionDate, last: SessionDate, count: Int)] = []
        // Five sessions span at least seven calendar days: most pairs need no walk at all.
        for (before, after) in zip(dates, dates.dropFirst()) where after.dayNumber - before.dayNumber > 6 {
            let first = calendar.nextSession(after: before)
            var session = first, missing = 0, last = before
            while session < after {
                missing += 1
                last = session
                session = calendar.nextSession(after: session)
            }
            if missing >= reportedGap { gaps.append((first, last, missing)) }
        }
        return gaps
    }
}
