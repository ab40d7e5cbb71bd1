import MarketData

/// For every session, the base session of each return period, found in one forward pass.
public struct ReturnBases: Sendable {
    /// `bases[period.index][t]` = base session index, or -1 when the history is too short.
    private let bases: [[Int32]]

    /// `yearEarlier[t]` is `dates[t]` a year earlier (computed by the caller, who needs it too).
    public init(dates: [SessionDate], yearEarlier: [SessionDate]? = nil) {
        let yearEarlier = yearEarlier ?? dates.map { $0.sameDay(yearsEarlier: 1) }
        let count = dates.count
        var oneDay = [Int32](repeating: -1, count: count)
        var fiveDays = [Int32](repeating: -1, count: count)
        var month = [Int32](repeating: -1, count: count)
        var quarter = [Int32](repeating: -1, count: count)
        var year = [Int32](repeating: -1, count: count)
        var oneYear = [Int32](repeating: -1, count: count)
        var lastOfPreviousMonth: Int32 = -1, lastOfPreviousQuarter: Int32 = -1, lastOfPreviousYear: Int32 = -1
        var yearAgo = -1
        // Calendar components once per session, not once per comparison.
        let parts = dates.map(\.components)
        for t in 0..<count {
            if t > 0 {
                if !ReturnPeriod.monthToDate.samePeriod(parts[t - 1], parts[t]) { lastOfPreviousMonth = Int32(t - 1) }
                if !ReturnPeriod.quarterToDate.samePeriod(parts[t - 1], parts[t]) { lastOfPreviousQuarter = Int32(t - 1) }
                if !ReturnPeriod.yearToDate.samePeriod(parts[t - 1], parts[t]) { lastOfPreviousYear = Int32(t - 1) }
                oneDay[t] = Int32(t - 1)
            }
            if t >= 5 { fiveDays[t] = Int32(t - 5) }
            month[t] = lastOfPreviousMonth
            quarter[t] = lastOfPreviousQuarter
            year[t] = lastOfPreviousYear
            let target = yearEarlier[t]
            while yearAgo + 1 < t && dates[yearAgo + 1] <= target { yearAgo += 1 }
            oneYear[t] = yearAgo >= 0 && dates[yearAgo] <= target ? Int32(yearAgo) : -1
        }
        bases = [oneDay, fiveDays, month, quarter, year, oneYear]
    }

    public func base(_ period: ReturnPeriod, at t: Int) -> Int? {
        let value = bases[period.index][t]
        return value >= 0 ? Int(value) : nil
    }
}
