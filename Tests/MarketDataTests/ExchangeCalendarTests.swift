import MarketData
import Testing

@Suite struct ExchangeCalendarTests {
    private func date(_ text: String) -> SessionDate { SessionDate(text)! }

    /// A month ends on its last session: on the NYSE the day before a holiday that takes the
    /// month's last weekday (Good Friday 2018, Memorial Day 2021), on the weekday calendar the
    /// last weekday, whatever day of the week the 31st is. A day without a session ends nothing.
    @Test func aMonthEndsOnItsLastSessionByTheCalendar() {
        let cases: [(String, nyse: (month: Bool, year: Bool), weekdays: (month: Bool, year: Bool))] = [
            ("2018-03-29", (true, false), (false, false)), ("2018-03-30", (false, false), (true, false)),
            ("2021-05-28", (true, false), (false, false)), ("2021-05-31", (false, false), (true, false)),
            ("2022-12-30", (true, true), (true, true)), ("2021-12-31", (true, true), (true, true)),
            ("2021-12-30", (false, false), (false, false)), ("2024-02-29", (true, false), (true, false)),
            ("2019-11-29", (true, false), (true, false)), ("2024-03-28", (true, false), (false, false)),
            ("2021-05-30", (false, false), (false, false)), ("2022-12-31", (false, false), (false, false)),
        ]
        for (text, nyse, weekdays) in cases {
            #expect(ExchangeCalendar.nyse.isLastSession(date(text), ofYear: false) == nyse.month, "\(text)")
            #expect(ExchangeCalendar.nyse.isLastSession(date(text), ofYear: true) == nyse.year, "\(text)")
            #expect(ExchangeCalendar.weekdays.isLastSession(date(text), ofYear: false) == weekdays.month, "\(text)")
            #expect(ExchangeCalendar.weekdays.isLastSession(date(text), ofYear: true) == weekdays.year, "\(text)")
        }
    }

    @Test func theNextSessionSkipsWeekendsAndHolidays() {
        #expect(ExchangeCalendar.nyse.nextSession(after: date("2018-03-29")) == date("2018-04-02"))
        #expect(ExchangeCalendar.weekdays.nextSession(after: date("2018-03-29")) == date("2018-03-30"))
        #expect(ExchangeCalendar.nyse.nextSession(after: date("2001-09-10")) == date("2001-09-17"))
        #expect(ExchangeCalendar.nyse.nextSession(after: date("2022-12-30")) == date("2023-01-03"))
    }

    /// Rules of the past and of the future: the holidays of years far from the data, and of
    /// years outside the table worked out once, come from the same rules.
    @Test func holidaysFollowTheRulesOfTheirYear() {
        let closed = ["1952-05-30", "1954-05-31", "1968-07-31", "1969-03-31", "1980-11-04", "2022-06-20",
                      "2027-03-26", "2027-05-31", "2027-06-18", "2027-12-24", "2300-12-25", "2300-04-06"]
        for text in closed { #expect(!ExchangeCalendar.nyse.isSession(date(text)), "\(text)") }
        let open = ["1970-05-29", "1984-11-06", "2021-06-18", "2022-12-30", "2027-12-31", "2300-12-26"]
        for text in open { #expect(ExchangeCalendar.nyse.isSession(date(text)), "\(text)") }
        #expect(!ExchangeCalendar.weekdays.isSession(date("2027-03-27")))
        #expect(ExchangeCalendar.weekdays.isSession(date("2027-03-26")))
    }
}
