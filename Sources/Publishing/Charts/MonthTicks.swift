import MarketData
import Newsletter

/// Date ticks for a line over sessions: the first session of every month, thinned to every 2nd,
/// 3rd, 6th or 12th month (Jan, Apr, Jul, Oct…) so that at most `maxCount` remain, labelled "Feb 2025".
struct MonthTicks {
    struct Tick: Equatable {
        /// Position of the session in the series.
        let index: Int
        let label: String
    }

    let ticks: [Tick]

    init(dates: [SessionDate], maxCount: Int = 4) {
        let starts = Self.monthStarts(dates)
        let step = [1, 2, 3, 6, 12].first { step in
            starts.count { ($0.month - 1) % step == 0 } <= maxCount
        } ?? 12
        ticks = starts.filter { ($0.month - 1) % step == 0 }.map { start in
            Tick(index: start.index, label: Self.label(dates[start.index]))
        }
    }

    /// The sessions that open a month, with its number: a date on or after the first day of the
    /// month after the one before's (perf: the month of every session, 252 calendar conversions a
    /// chart, made the ticks 1.7% of a backfill's instructions; one a month, 0.6%, callgrind).
    private static func monthStarts(_ dates: [SessionDate]) -> [(index: Int, month: Int)] {
        var starts: [(index: Int, month: Int)] = []
        var nextMonth = dates.first?.startOfNextMonth
        for index in dates.indices.dropFirst() {
            guard let start = nextMonth, dates[index] >= start else { continue }
            starts.append((index, dates[index].month))
            nextMonth = dates[index].startOfNextMonth
        }
        return starts
    }

    /// "Feb 2025".
    static func label(_ date: SessionDate) -> String {
        "\(NumberStyle.monthAbbreviations[date.month - 1]) \(date.year)"
    }
}
