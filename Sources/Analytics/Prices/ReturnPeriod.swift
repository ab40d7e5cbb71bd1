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

    /// Whether a close on `close` can tell this period's return in a note of `date`: a month,
    /// quarter or year to date must be the note's own (a file that stops on December 31 has no
    /// year-to-date return in a January note; its 2018 return is not 2019's). The other periods
    /// are told as of the close, as the note dates it.
    public func isTold(atClose close: SessionDate, inNoteOf date: SessionDate) -> Bool {
        switch self {
        case .monthToDate: return close.year == date.year && close.month == date.month
        case .quarterToDate: return close.year == date.year && (close.month - 1) / 3 == (date.month - 1) / 3
        case .yearToDate: return close.year == date.year
        case .oneDay, .fiveDays, .oneYear: return true
        }
    }

    /// Position in `allCases`, for array storage.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
