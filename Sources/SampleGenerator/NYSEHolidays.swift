/// NYSE full-day closures: the exchange's holiday rules plus one-off closures (9/11, state funerals, Hurricane Sandy).
enum NYSEHolidays {
    static let specialClosures: Set<CalendarDate> = Set([
        "2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14",
        "2004-06-11", "2007-01-02", "2012-10-29", "2012-10-30",
        "2018-12-05", "2025-01-09",
    ].map(CalendarDate.init))

    static func closures(in year: Int) -> Set<CalendarDate> {
        var days = Set(specialClosures.filter { $0.year == year })
        if let newYear = newYearsDay(year) { days.insert(newYear) }
        if year >= 1998 { days.insert(.nth(3, .monday, month: 1, year: year)) }
        days.insert(.nth(3, .monday, month: 2, year: year))
        days.insert(easterSunday(year).adding(days: -2))
        days.insert(.last(.monday, month: 5, year: year))
        if year >= 2022 { days.insert(observed(CalendarDate(year: year, month: 6, day: 19))) }
        days.insert(observed(CalendarDate(year: year, month: 7, day: 4)))
        days.insert(.nth(1, .monday, month: 9, year: year))
        days.insert(.nth(4, .thursday, month: 11, year: year))
        days.insert(observed(CalendarDate(year: year, month: 12, day: 25)))
        return days
    }

    /// NYSE moves a Sunday New Year's Day to Monday but does not close the preceding Friday for a Saturday one.
    static func newYearsDay(_ year: Int) -> CalendarDate? {
        let date = CalendarDate(year: year, month: 1, day: 1)
        switch date.weekday {
        case .saturday: return nil
        case .sunday: return date.adding(days: 1)
        default: return date
        }
    }

    /// A fixed-date holiday falling on Saturday is observed Friday, on Sunday the following Monday.
    static func observed(_ date: CalendarDate) -> CalendarDate {
        switch date.weekday {
        case .saturday: return date.adding(days: -1)
        case .sunday: return date.adding(days: 1)
        default: return date
        }
    }

    /// Gregorian Easter Sunday (anonymous Gregorian algorithm), used for Good Friday.
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }
}
