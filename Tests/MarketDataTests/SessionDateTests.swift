import Foundation
import MarketData
import Testing

@Suite struct SessionDateTests {
    @Test func roundTripsThroughItsDayNumber() {
        for text in ["1950-01-03", "2000-02-29", "2026-01-15", "1969-12-31"] {
            #expect(SessionDate(text)?.description == text)
        }
        #expect(SessionDate("1970-01-01")?.dayNumber == 0)
    }

    /// The digits are written one by one (facts.json prints a date on every line); both forms
    /// must agree with zero-padded formatting from year 1 to past 9999.
    @Test func itsTextAndItsBytesAreZeroPaddedYearMonthDay() {
        for dayNumber in stride(from: -719_162, through: 3_000_000, by: 997) {
            let date = SessionDate(dayNumber: Int32(dayNumber))
            let (y, m, d) = date.components
            let expected = y <= 9999 ? String(format: "%04d-%02d-%02d", y, m, d) : date.description
            #expect(date.description == expected)
            var bytes: [UInt8] = []
            date.withISOBytes { bytes = Array($0) }
            #expect(bytes == Array(expected.utf8), "\(expected)")
            for (prefix, suffix) in [("notes/", "/"), ("email/", ""), ("", ""), ("é ", " → ")] {
                #expect(date.description(prefix: prefix, suffix: suffix) == prefix + expected + suffix)
            }
        }
    }

    /// A set of dates answers by index: exactly its dates, whatever their order, and none outside them.
    @Test func aDaySetHoldsExactlyItsDates() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 50, 64, 5_000] {
            let dates = (0..<count).map { _ in SessionDate(dayNumber: Int32.random(in: -3_000...30_000, using: &generator)) }
            let set = DaySet(dates.shuffled())
            let found = (-3_010...30_010).map { SessionDate(dayNumber: Int32($0)) }.filter(set.contains)
            #expect(found == Set(dates).sorted())
        }
    }

    /// The archive's months and the published prices' months both end where this says.
    @Test func theNextMonthStartsOnItsFirstDay() {
        #expect(SessionDate("2025-12-31")?.startOfNextMonth == SessionDate("2026-01-01"))
        #expect(SessionDate("2024-01-31")?.startOfNextMonth == SessionDate("2024-02-01"))
        #expect(SessionDate("2024-02-01")?.startOfNextMonth == SessionDate("2024-03-01"))
        #expect(SessionDate("9999-12-01")?.startOfNextMonth == nil)
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(SessionDate("2025-02-29") == nil)
        #expect(SessionDate("2025-13-01") == nil)
        #expect(SessionDate("2025-1-01") == nil)
    }

    @Test func knowsItsWeekday() {
        #expect(SessionDate("2026-01-15")?.weekday == 4)
    }

    @Test func periodsParseEveryForm() {
        #expect(ObservationPeriod("2025Q4")?.firstDay == SessionDate("2025-10-01"))
        #expect(ObservationPeriod("2025-Q4")?.lastDay == SessionDate("2025-12-31"))
        #expect(ObservationPeriod("2024-02")?.lastDay == SessionDate("2024-02-29"))
        #expect(ObservationPeriod("20240315")?.frequency == .daily)
    }
}
