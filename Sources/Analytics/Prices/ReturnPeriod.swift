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

    /// Position in `allCases`, for array storage.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
