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
        let months = dates.map(\.month)
        let starts = months.indices.dropFirst().filter { months[$0] != months[$0 - 1] }
        let step = [1, 2, 3, 6, 12].first { step in
            starts.filter { (months[$0] - 1) % step == 0 }.count <= maxCount
        } ?? 12
        ticks = starts.filter { (months[$0] - 1) % step == 0 }.map { index in
            Tick(index: index, label: Self.label(dates[index]))
        }
    }

    /// "Feb 2025".
    static func label(_ date: SessionDate) -> String {
        "\(NumberStyle.monthAbbreviations[date.month - 1]) \(date.year)"
    }
}
