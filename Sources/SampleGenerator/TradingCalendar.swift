/// NYSE trading sessions between two dates: weekdays that are not exchange closures.
struct TradingCalendar: Sendable {
    let sessions: [CalendarDate]
    private let indexByDay: [Int: Int]

    init(from first: CalendarDate, through last: CalendarDate) {
        var closures: Set<CalendarDate> = []
        for year in first.year...last.year {
            closures.formUnion(NYSEHolidays.closures(in: year))
        }
        sessions = (first.dayNumber...last.dayNumber)
            .map(CalendarDate.init(dayNumber:))
            .filter { !$0.weekday.isWeekend && !closures.contains($0) }
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
