/// The days a market trades. A note knows nothing after its own date, so the calendar is what
/// tells it that its session is the last of a month or a year.
public enum ExchangeCalendar: String, Sendable, CaseIterable {
    /// The New York Stock Exchange: weekdays less its holidays and one-off closures, by the rules
    /// of each year since 1950.
    case nyse
    /// Every weekday: a market whose holidays marketnote does not know.
    case weekdays

    /// Whether the market trades on `date`.
    public func isSession(_ date: SessionDate) -> Bool {
        guard date.weekday != 0 && date.weekday != 6 else { return false }
        switch self {
        case .nyse: return !NYSEClosures.contains(date)
        case .weekdays: return true
        }
    }

    /// The first session after `date`.
    public func nextSession(after date: SessionDate) -> SessionDate {
        var next = date.adding(days: 1)
        while !isSession(next) { next = next.adding(days: 1) }
        return next
    }

    /// The session before `date` when the market was closed on two weekdays or more between them
    /// (after September 11, 2001; Christmas Eve and Day on a Monday and Tuesday), else nil: the
    /// day's moves span the closure. A one-day holiday is no closure worth telling.
    public func sessionBeforeClosure(endingBefore date: SessionDate) -> SessionDate? {
        var previous = date.adding(days: -1)
        while !isSession(previous) { previous = previous.adding(days: -1) }
        return previous.weekdays(until: date) >= 2 ? previous : nil
    }

    /// Whether `date` is a session and no later one falls in the same month (`ofYear`: the same
    /// year).
    public func isLastSession(_ date: SessionDate, ofYear year: Bool) -> Bool {
        guard isSession(date) else { return false }
        let next = nextSession(after: date)
        return year ? next.year != date.year : next.month != date.month || next.year != date.year
    }
}

/// The NYSE's full-day closures on weekdays. The rules changed over the years (Memorial Day on
/// May 30 until 1970, Election Day until 1980, Juneteenth from 2022…); they agree with every
/// weekday of the S&P 500's history since 1950 and with the exchange's own list of sessions
/// for 1990–2023 (`RealDataCalendarTests`). Years before 1950 get the rules of 1950, which is
/// approximate: the exchange closed on more days then.
enum NYSEClosures {
    /// Days the exchange closed outside its rules: national mourning, storms, a blackout, the
    /// Apollo 11 landing, September 2001.
    static let oneOff: [SessionDate] = [
        "1954-12-24", "1956-12-24", "1958-12-26", "1961-05-29", "1963-11-25", "1965-12-24",
        "1968-02-12", "1968-04-09", "1968-07-05", "1968-11-11", "1969-02-10", "1969-03-31", "1969-07-21",
        "1972-12-28", "1973-01-25", "1977-07-14", "1985-09-27", "1994-04-27",
        "2001-09-11", "2001-09-12", "2001-09-13", "2001-09-14", "2004-06-11", "2007-01-02",
        "2012-10-29", "2012-10-30", "2018-12-05", "2025-01-09",
    ].map { SessionDate($0)! }

    /// Every closure of the years a data file may hold, worked out once, when first asked.
    private static let table = DaySet(SessionDate.supportedYears.flatMap { closures(in: $0) })

    /// Whether the exchange was (or will be) closed on the weekday `date`.
    static func contains(_ date: SessionDate) -> Bool {
        date.isInSupportedYears ? table.contains(date) : closures(in: date.year).contains(date)
    }

    /// Every weekday closure of `year`.
    static func closures(in year: Int) -> [SessionDate] {
        // By day number: the year of each one-off closure, for each of the 1,200 years of the
        // table, was a fifth of working the table out (2.5 M instructions a process, callgrind).
        guard let newYear = day(year, 1, 1), let yearEnd = day(year, 12, 31) else { return [] }
        // Room for every closure of a year (1968 had 22): growing the array from empty was 40%
        // of working the table out (callgrind).
        var days: [SessionDate] = []
        days.reserveCapacity(24)
        days += oneOff.lazy.filter { (newYear...yearEnd).contains($0) }
        if newYear.weekday != 6 { days.append(newYear.mondayIfSunday) }
        if year >= 1998 { days.append(.nth(3, weekday: 1, month: 1, year: year)) } // Martin Luther King Jr. Day
        if year <= 1953 { days.append(day(year, 2, 12)!.mondayIfSunday) } // Lincoln's Birthday
        days.append(year <= 1970 ? washingtonsBirthday(year) : .nth(3, weekday: 1, month: 2, year: year))
        days.append(easterSunday(year).adding(days: -2)) // Good Friday
        days.append(year <= 1970 ? memorialDay(year) : .last(weekday: 1, month: 5, year: year))
        if year >= 2022 { days.append(day(year, 6, 19)!.nearestWeekday) } // Juneteenth
        days.append(year < 1954 ? day(year, 7, 4)!.mondayIfSunday : day(year, 7, 4)!.nearestWeekday)
        days.append(.nth(1, weekday: 1, month: 9, year: year)) // Labor Day
        if year <= 1953 { days.append(day(year, 10, 12)!.mondayIfSunday) } // Columbus Day
        if year <= 1968 || [1972, 1976, 1980].contains(year) { // Election Day
            days.append(SessionDate.nth(1, weekday: 1, month: 11, year: year).adding(days: 1))
        }
        if year <= 1953 { days.append(day(year, 11, 11)!.mondayIfSunday) } // Armistice Day
        days.append(.nth(4, weekday: 4, month: 11, year: year)) // Thanksgiving
        days.append(year < 1954 ? day(year, 12, 25)!.mondayIfSunday : day(year, 12, 25)!.nearestWeekday)
        if year == 1968 { days += paperworkCrisisWednesdays(besides: days) }
        days.removeAll { $0.weekday == 0 || $0.weekday == 6 }
        return days
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> SessionDate? {
        SessionDate(year: year, month: month, day: day)
    }

    /// February 22: a Sunday's moved to Monday, and from 1964 a Saturday's to Friday.
    private static func washingtonsBirthday(_ year: Int) -> SessionDate {
        year < 1964 ? day(year, 2, 22)!.mondayIfSunday : day(year, 2, 22)!.nearestWeekday
    }

    /// May 30: a Sunday's moved to Monday, and in 1964–1969 a Saturday's to Friday.
    private static func memorialDay(_ year: Int) -> SessionDate {
        (1964...1969).contains(year) ? day(year, 5, 30)!.nearestWeekday : day(year, 5, 30)!.mondayIfSunday
    }

    /// From June 12 to the end of 1968 the exchange closed on Wednesdays to clear its back
    /// offices, except in weeks that already had a closure.
    private static func paperworkCrisisWednesdays(besides closures: [SessionDate]) -> [SessionDate] {
        stride(from: Int(day(1968, 6, 12)!.dayNumber), through: Int(day(1968, 12, 31)!.dayNumber), by: 7).compactMap { number in
            let wednesday = SessionDate(dayNumber: Int32(number))
            let week = wednesday.adding(days: -2)...wednesday.adding(days: 2)
            return closures.contains { week.contains($0) } ? nil : wednesday
        }
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> SessionDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        return day(year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1)!
    }
}

extension SessionDate {
    /// The n-th (1-based) `weekday` (0 = Sunday) of a month, e.g. the third Monday of January.
    static func nth(_ n: Int, weekday: Int, month: Int, year: Int) -> SessionDate {
        let first = SessionDate(year: year, month: month, day: 1)!
        return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
    }

    /// The last `weekday` (0 = Sunday) of a month, e.g. the last Monday of May.
    static func last(weekday: Int, month: Int, year: Int) -> SessionDate {
        let end = SessionDate(year: year, month: month, day: daysIn(month: month, year: year))!
        return end.adding(days: -((end.weekday - weekday + 7) % 7))
    }

    /// A Sunday holiday is kept on the Monday after it.
    var mondayIfSunday: SessionDate { weekday == 0 ? adding(days: 1) : self }

    /// A Saturday holiday is kept on the Friday before it, a Sunday one on the Monday after.
    var nearestWeekday: SessionDate { weekday == 6 ? adding(days: -1) : mondayIfSunday }
}
