import Analytics
import Foundation
import MarketData
import Testing
import TestSupport

/// The engine's facts on the real S&P 500 (1950–2018) and NASDAQ (1999–2018) files, loaded
/// unchanged, agree with the naive reference on dates spread over the whole history.
@Suite(.serialized) struct RealDataReferenceTests {
    static let inputs = Result { try Fixtures.realProject() }
    static let spx = Result { try NaiveSeries(csv: Fixtures.path("real/SPX.csv")) }
    static let ixic = Result { try NaiveSeries(csv: Fixtures.path("real/IXIC.csv")) }

    /// About 60 sessions spread over 1950–2018, plus famous ones.
    static var sampleDates: [String] {
        guard let spx = try? spx.get() else { return [] }
        let spread = stride(from: 3, to: spx.dates.count, by: 290).map { spx.dates[$0] }
        return spread + ["1987-10-19", "1987-10-20", "2000-03-10", "2008-10-13", "2008-10-15", "2009-03-09", "2018-12-31"]
    }

    private func approximately(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) <= 1e-12 * max(1, abs(y))
        default: return false
        }
    }

    @Test func seriesFactsAgreeWithTheNaiveReference() throws {
        let analysis = HistoryAnalysis(inputs: try Self.inputs.get())
        let naive = try Self.spx.get()
        #expect(Self.sampleDates.count >= 50)
        for text in Self.sampleDates {
            let date = try #require(SessionDate(text))
            let t = try #require(naive.index(of: text))
            let facts = try #require(analysis.facts(on: date).series("SPX"))
            for period in ReturnPeriod.allCases {
                #expect(approximately(facts.returnValue(period), naive.periodReturn(period.rawValue, at: t)), "\(text) \(period)")
            }
            #expect(facts.intradayRecord.streak.length == NaiveSeries.streak(at: t, naive.isIntradayRecord), "\(text)")
            #expect(facts.closingRecord.streak.length == NaiveSeries.streak(at: t, naive.isClosingRecord), "\(text)")
            let length = facts.intradayRecord.streak.length
            if length > 0 {
                let last = NaiveSeries.lastRun(before: t, reaching: length, naive.isIntradayRecord)
                #expect(facts.intradayRecord.streak.lastTime?.end.description == last.map { naive.dates[$0.end] }, "\(text)")
                #expect(facts.intradayRecord.streak.lastTime?.length == last?.length, "\(text)")
            }
            #expect(facts.closeHigh.since?.description == naive.highestCloseSince(t).map { naive.dates[$0] }, "\(text)")
            #expect(facts.closeLow.since?.description == naive.lowestCloseSince(t).map { naive.dates[$0] }, "\(text)")
            #expect(facts.yearHigh == naive.yearHigh(t), "\(text)")
            #expect(approximately(facts.drawdown, naive.drawdown(t)), "\(text)")
        }
    }

    @Test func outperformanceStreaksAndTheLastTimeAgreeWithTheNaiveReference() throws {
        let analysis = HistoryAnalysis(inputs: try Self.inputs.get())
        let pair = NaivePair(try Self.ixic.get(), try Self.spx.get())
        let dates = stride(from: 5, to: pair.common.count, by: 97).map { pair.common[$0] }
        #expect(dates.count >= 50)
        for text in dates {
            let k = try #require(pair.common.firstIndex(of: text))
            let facts = try #require(analysis.facts(on: SessionDate(text)!).comparisons.first)
            let length = NaiveSeries.streak(at: k, pair.beat)
            #expect(facts.leaderStreak.length == length, "\(text)")
            if length > 0 {
                let last = NaiveSeries.lastRun(before: k, reaching: length, pair.beat)
                #expect(facts.leaderStreak.lastTime?.end.description == last.map { pair.common[$0.end] }, "\(text)")
            }
            let ytdA = pair.a.periodReturn("YTD", at: pair.a.index(of: text)!)
            let ytdB = pair.b.periodReturn("YTD", at: pair.b.index(of: text)!)
            let relative = facts.relativeReturns.first { $0.period == .yearToDate }?.value
            if let ytdA, let ytdB {
                #expect(approximately(relative, (1 + ytdA) / (1 + ytdB) - 1), "\(text)")
            }
        }
    }

    /// The relative-performance chart spans the 1Y return's window, so its last point is the 1Y
    /// relative return: it spanned the last 252 sessions, and its end label differed from the facts'
    /// 1Y figure on 5,098 of 6,196 sample notes (the independent audit).
    @Test func theRelativeChartEndsAtTheOneYearRelativeReturn() throws {
        let analysis = HistoryAnalysis(inputs: try Self.inputs.get())
        var checked = 0
        for text in Self.sampleDates where text >= "2000-01-04" {
            let facts = try #require(analysis.facts(on: SessionDate(text)!).comparisons.first)
            let oneYear = try #require(facts.relativeReturns.first { $0.period == .oneYear })
            let first = try #require(facts.relativePerformance.first), last = try #require(facts.relativePerformance.last)
            #expect(first.date == oneYear.baseDate, "\(text)")
            #expect(first.value == 0 && last.date == facts.sessionDate, "\(text)")
            #expect(approximately(last.value, oneYear.value), "\(text): \(last.value) vs \(oneYear.value ?? .nan)")
            checked += 1
        }
        let young = try #require(analysis.facts(on: SessionDate("1999-06-01")!).comparisons.first)
        #expect(young.relativePerformance.first?.date == young.historyStart)
        #expect(checked > 10)
    }

    /// Every month and year of the real S&P 500 (1950–2018), told on its last session (22 months
    /// end before a holiday that takes their last weekday; a December ends its month and its
    /// year): its return and the latest earlier month (year) as good or as bad agree with a naive
    /// scan of the months' (years') last closes.
    @Test func monthQuarterAndYearEndsAgreeWithTheNaiveReference() throws {
        let analysis = try #require(HistoryAnalysis(inputs: try Self.inputs.get()).series.first { $0.symbol == "SPX" })
        let naive = try Self.spx.get()
        // The last session of each month in the data, and of each December.
        let months = naive.dates.indices.filter { t in
            t + 1 == naive.dates.count || NaiveSeries.month(naive.dates[t + 1]) != NaiveSeries.month(naive.dates[t])
        }
        let years = months.filter { NaiveSeries.month(naive.dates[$0]) == 12 }
        let quarters = months.filter { NaiveSeries.month(naive.dates[$0]) % 3 == 0 }
        // Each end's facts against the naive rank among the ends of the same kind before it.
        func check(_ ends: [Int], _ facts: @escaping (SeriesFacts) -> PeriodEndFacts?, _ period: ReturnPeriod) throws -> Int {
            let returns = ends.indices.dropFirst().map { i in (t: ends[i], value: naive.close[ends[i]] / naive.close[ends[i - 1]] - 1) }
            for (i, current) in returns.enumerated() {
                let date = try #require(SessionDate(naive.dates[current.t]))
                let end = try #require(analysis.facts(on: date).flatMap(facts), "\(date)")
                let (value, earlier) = (current.value, returns[..<i])
                #expect(approximately(end.value, value), "\(date)")
                #expect(end.period == period, "\(date)")
                let since = earlier.last { value >= 0 ? $0.value >= value : $0.value <= value }
                #expect(end.since?.description == since.map { naive.dates[$0.t] }, "\(date)")
                #expect(end.earlierPeriods == earlier.count, "\(date)")
                #expect(end.rarity.earlierOccurrences == earlier.filter { value >= 0 ? $0.value >= value : $0.value <= value }.count, "\(date)")
            }
            return returns.count
        }
        #expect(try check(months, \.monthEnd, .monthToDate) == 827)
        #expect(try check(years, \.yearEnd, .yearToDate) == 68)
        #expect(try check(quarters, \.quarterEnd, .quarterToDate) == 275)
        // No other session ends a month or a year.
        let facts = naive.dates.map { analysis.facts(on: SessionDate($0)!) }
        #expect(facts.indices.filter { facts[$0]?.monthEnd != nil } == Array(months.dropFirst()))
        #expect(facts.indices.filter { facts[$0]?.yearEnd != nil } == Array(years.dropFirst()))
        #expect(facts.indices.filter { facts[$0]?.quarterEnd != nil } == Array(quarters.dropFirst()))
        let june = try #require(analysis.facts(on: SessionDate("2009-06-30")!)?.quarterEnd)
        #expect(june.since == SessionDate("1998-12-31") && abs(june.value - 0.152) < 0.001, "\(june)")
        let october = try #require(analysis.facts(on: SessionDate("2008-10-31")!)?.monthEnd)
        #expect(october.since == SessionDate("1987-10-30") && abs(october.value + 0.169) < 0.001)
        let year = try #require(analysis.facts(on: SessionDate("2008-12-31")!)?.yearEnd)
        #expect(year.since == nil && year.earlierPeriods == 57 && abs(year.value + 0.385) < 0.001)
    }

    @Test func theLongestRunOfNasdaqBeatingTheSAndP500Matches() throws {
        let inputs = try Self.inputs.get()
        let analysis = HistoryAnalysis(inputs: inputs)
        let pair = NaivePair(try Self.ixic.get(), try Self.spx.get())
        let naiveLongest = pair.common.indices.map { NaiveSeries.streak(at: $0, pair.beat) }.max()!
        let longest = try #require(analysis.comparisons.first).leaderBeats.runs.map(\.length).max()
        #expect(longest == naiveLongest)
    }

    @Test func annualisedGdpGrowthAndHighestSinceAgreeWithTheNaiveReference() throws {
        let analysis = HistoryAnalysis(inputs: try Self.inputs.get())
        let rows = try String(contentsOfFile: Fixtures.path("real/US_macrodata.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let levels = rows.map { Double($0[2])! }
        let growth = levels.indices.map { $0 == 0 ? nil : (pow(levels[$0] / levels[$0 - 1], 4) - 1) * 100 }
        // Readings are compared as a note prints them, to one decimal.
        let printed = growth.map { $0.map { ($0 * 10).rounded() / 10 } }
        let labels = rows.map { "\($0[0])Q\($0[1])" }
        let excluded: Set<String> = ["2008Q4", "2009Q1", "2009Q2"]
        for t in Array(stride(from: 8, to: rows.count, by: 3)) + (199...201) {
            let period = try #require(ObservationPeriod(labels[t]))
            // Released 30 days after its quarter (`lagDays: 30`), as the advance estimate is.
            let facts = try #require(analysis.facts(on: period.lastDay.adding(days: 1 + 30)).macro.first)
            #expect(facts.period == period)
            #expect(approximately(facts.value, growth[t]))
            guard let highest = facts.highest else { continue }
            // A reading inside the window is compared with every earlier one.
            let skips = { (p: Int) in !excluded.contains(labels[t]) && excluded.contains(labels[p]) }
            let since = (1..<t).last { !skips($0) && printed[$0]! >= printed[t]! }
            #expect(highest.since?.period.description == since.map { labels[$0] }, "\(labels[t])")
            let before = since.flatMap { s in (1..<s).last { !skips($0) && printed[$0]! >= printed[t]! } }
            #expect(highest.beforeThat?.period.description == before.map { labels[$0] }, "\(labels[t])")
        }
    }
}
