import MarketData

/// The periods of the returns table. Each compares the close with a base session:
/// the previous session (1D), five sessions earlier (5D), the last session of the previous
/// month, quarter or year (MTD, QTD, YTD), or the last session on or before the same date a year
/// earlier (1Y).
public enum ReturnPeriod: String, Sendable, Codable, CaseIterable, Hashable {
    case oneDay = "1D"
    case fiveDays = "5D"
    case monthToDate = "MTD"
    case quarterToDate = "QTD"
    case yearToDate = "YTD"
    case oneYear = "1Y"

    /// Whether two days, by year and month, fall in one month, quarter or year of this period
    /// (MTD, QTD, YTD): where a period's base moves on, and whether a close tells a later note's
    /// period. True for 1D, 5D and 1Y, which no calendar period bounds.
    @inline(__always)
    public func samePeriod(_ a: (year: Int, month: Int, day: Int), _ b: (year: Int, month: Int, day: Int)) -> Bool {
        switch self {
        case .monthToDate: return a.year == b.year && a.month == b.month
        case .quarterToDate: return a.year == b.year && (a.month - 1) / 3 == (b.month - 1) / 3
        case .yearToDate: return a.year == b.year
        case .oneDay, .fiveDays, .oneYear: return true
        }
    }

    /// Whether a close on `close` can tell this period's return in a note of `date`: a month,
    /// quarter or year to date must be the note's own (a file that stops on December 31 has no
    /// year-to-date return in a January note; its 2018 return is not 2019's). The other periods
    /// are told as of the close, as the note dates it.
    public func isTold(atClose close: SessionDate, inNoteOf date: SessionDate) -> Bool {
        samePeriod(close.components, date.components)
    }

    /// The sessions a return of this period counts back (1D, 5D); nil for one measured from a date.
    public var sessionsCounted: Int? {
        switch self {
        case .oneDay: 1
        case .fiveDays: 5
        case .monthToDate, .quarterToDate, .yearToDate, .oneYear: nil
        }
    }

    /// Position in `allCases`, for array storage.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
