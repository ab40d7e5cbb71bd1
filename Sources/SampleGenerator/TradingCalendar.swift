import MarketData

/// NYSE trading sessions between two dates: weekdays that are not exchange closures.
struct TradingCalendar: Sendable {
    let sessions: [CalendarDate]
    private let indexByDay: [Int: Int]

    init(from first: CalendarDate, through last: CalendarDate) {
        sessions = (first.dayNumber...last.dayNumber)
            .filter { ExchangeCalendar.nyse.isSession(SessionDate(dayNumber: Int32($0))) }
            .map(CalendarDate.init(dayNumber:))
        indexByDay = Dictionary(uniqueKeysWithValues: sessions.enumerated().map { ($1.dayNumber, $0) })
    }

    var count: Int { sessions.count }

    func index(of date: CalendarDate) -> Int? {
        indexByDay[date.dayNumber]
    }

    /// Index of the first session on or after `date`; nil when `date` is past the last session.
    func firstIndex(onOrAfter date: CalendarDate) -> Int? {
        var low = 0, high = sessions.count
        while low < high {
            let middle = (low + high) / 2
            if sessions[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low < sessions.count ? low : nil
    }
}
