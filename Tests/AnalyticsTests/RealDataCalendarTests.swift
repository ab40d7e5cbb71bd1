import Foundation
import MarketData
import Testing
import TestSupport

/// The NYSE calendar's rules against the sessions real data has: every weekday between a
/// file's first and last date is a session exactly when the file has a row for it.
@Suite struct RealDataCalendarTests {
    /// The dates in the first column of a real-data file.
    private func sessions(_ name: String) throws -> [SessionDate] {
        let text = try String(contentsOfFile: Fixtures.path("real/\(name)"), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            try #require(SessionDate(String(line.prefix(10))), "\(name): \(line)")
        }
    }

    /// The weekdays on which the calendar and the file disagree.
    private func disagreements(_ name: String) throws -> [String] {
        let dates = try sessions(name)
        let inFile = Set(dates)
        let first = try #require(dates.first), last = try #require(dates.last)
        return (first.dayNumber...last.dayNumber).map(SessionDate.init(dayNumber:)).compactMap { date in
            ExchangeCalendar.nyse.isSession(date) == inFile.contains(date) ? nil : "\(date)"
        }
    }

    @Test func theRulesGiveTheExchangesOwnSessionsFrom1990To2023() throws {
        #expect(try sessions("NYSE.csv").count == 8_324)
        #expect(try disagreements("NYSE.csv") == [])
    }

    /// 1950–2018 reaches the older rules: Memorial Day on May 30, Election Day, the Wednesdays
    /// of 1968, one-off closures.
    @Test func theRulesGiveEverySessionOfTheSAndP500AndTheNasdaq() throws {
        #expect(try disagreements("SPX.csv") == [])
        #expect(try disagreements("IXIC.csv") == [])
    }
}
