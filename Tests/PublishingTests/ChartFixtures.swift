@testable import Analytics
import MarketData

/// Small, hand-made facts for the chart tests (`@testable` for the facts' memberwise initializers).
enum ChartFixtures {
    static let noteDate = SessionDate("2026-01-15")!
    static let historyStart = SessionDate("2000-01-03")!

    /// `values` on consecutive weekdays ending on the note's date.
    static func points(_ values: [Double]) -> [ChartPoint] {
        var dates: [SessionDate] = []
        var date = noteDate
        while dates.count < values.count {
            if (1...5).contains(date.weekday) { dates.append(date) }
            date = date.adding(days: -1)
        }
        return zip(dates.reversed(), values).map { ChartPoint(date: $0, value: $1) }
    }

    static func streak(length: Int, start: SessionDate?) -> StreakFacts {
        StreakFacts(length: length, start: start, lastTime: nil, earlierRunsAtLeast: 0, brokenLength: nil,
                    rarity: .common, outcomes: nil)
    }

    static func comparison(_ points: [ChartPoint], leader: String = "IWM", benchmark: String = "SPY",
                           streakLength: Int = 0, streakStart: SessionDate? = nil) -> ComparisonFacts {
        ComparisonFacts(leader: leader, benchmark: benchmark, historyStart: historyStart, sessionDate: noteDate,
                        leaderStreak: streak(length: streakLength, start: streakStart),
                        benchmarkStreak: streak(length: 0, start: nil),
                        relativePerformance: points, relativeReturns: [])
    }

    /// A series with the given returns (nil for a period it is too short for).
    static func series(_ symbol: String, name: String? = nil, _ returns: [ReturnPeriod: Double?]) -> SeriesFacts {
        let record = RecordFacts(isRecord: false, level: 100, previousRecord: nil, streak: streak(length: 0, start: nil))
        let extreme = PriceExtremeFacts(since: nil, sinceClose: nil, sessionsSince: 0, rarity: .common)
        return SeriesFacts(
            symbol: symbol, name: name ?? symbol, shortName: symbol, plural: false, topics: [], historyStart: historyStart,
            sessionDate: noteDate, close: 100,
            returns: ReturnPeriod.allCases.map { PeriodReturn(period: $0, value: returns[$0] ?? nil, baseDate: nil) },
            dailyMoveRarity: .common, largestMoveSince: nil, intradayRange: nil, intradayLow: nil, intradayHigh: nil, intradayRecord: record, closingRecord: record,
            yearHigh: false, yearLow: false, closeHigh: extreme, closeLow: extreme, returnsSince: [],
            drawdown: 0, recordClose: 100, recordCloseDate: noteDate, drawdownEntry: nil, bearMarketSince: nil, monthEnd: nil, quarterEnd: nil, yearEnd: nil)
    }

    static func facts(series: [SeriesFacts] = [], comparisons: [ComparisonFacts] = []) -> NoteFacts {
        NoteFacts(date: noteDate, historyStart: historyStart, series: series, comparisons: comparisons,
                  macro: [], breadth: [])
    }
}
