/// A calendar day without time or time zone, so session arithmetic never depends on the host's locale.
struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    enum Weekday: Int, Sendable {
        case sunday, monday, tuesday, wednesday, thursday, friday, saturday
    }

    /// Days since 1970-01-01.
    let dayNumber: Int
    let year: Int
    let month: Int
    let day: Int

    init(year: Int, month: Int, day: Int) {
        self.init(dayNumber: Self.daysFromCivil(year: year, month: month, day: day))
    }

    init(dayNumber: Int) {
        let civil = Self.civilFromDays(dayNumber)
        self.dayNumber = dayNumber
        year = civil.year
        month = civil.month
        day = civil.day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real day.
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let date = CalendarDate(year: year, month: month, day: day)
        guard date.month == month, date.day == day else { return nil }
        self = date
    }

    /// A date constant written in source code; traps on a typo instead of silently shifting data.
    init(_ literal: String) {
        guard let date = CalendarDate(iso: literal) else { preconditionFailure("invalid date literal \(literal)") }
        self = date
    }

    var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((dayNumber + 4) % 7 + 7) % 7)!
    }

    var description: String {
        "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))-\(day.zeroPadded(to: 2))"
    }

    func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The n-th (1-based) given weekday of a month, e.g. the third Monday of January.
    static func nth(_ n: Int, _ weekday: Weekday, month: Int, year: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    // Howard Hinnant's days_from_civil / civil_from_days algorithms.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
