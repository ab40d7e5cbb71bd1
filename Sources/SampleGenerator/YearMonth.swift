/// A calendar month such as 2019-02, the granularity of the guidance survey.
struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    let year: Int
    let month: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    init(_ date: CalendarDate) {
        self.init(year: date.year, month: date.month)
    }

    /// A month constant written in source code (`YYYY-MM`); traps on a typo.
    init(_ literal: String) {
        let parts = literal.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            preconditionFailure("invalid month literal \(literal)")
        }
        self.init(year: year, month: month)
    }

    var ordinal: Int { year * 12 + month - 1 }
    var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1) }
    var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }
    var previous: YearMonth { month == 1 ? YearMonth(year: year - 1, month: 12) : YearMonth(year: year, month: month - 1) }
    var description: String { "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))" }

    static func range(from first: YearMonth, through last: YearMonth) -> [YearMonth] {
        Array(sequence(first: first) { $0.next }.prefix { $0 <= last })
    }

    static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}
