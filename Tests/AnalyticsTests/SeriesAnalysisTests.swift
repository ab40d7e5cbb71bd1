import Foundation
import Analytics
import MarketData
import Testing

@Suite struct SeriesAnalysisTests {
    @Test func recordStreakCountsConsecutiveNewIntradayHighs() {
        let dates = Series.dates(6)
        let series = PriceSeries(symbol: "X", dates: dates, open: [10, 10, 10, 10, 10, 10],
                                 high: [11, 12, 13, 12.5, 14, 15], low: [9, 9, 9, 9, 9, 9], close: [10, 10, 10, 10, 10, 10])
        let analysis = SeriesAnalysis(config: Series.config("X"), series: series)
        #expect(analysis.intradayRecords.length == [0, 1, 2, 0, 1, 2])
    }

    @Test func theFirstSessionIsNeverARecord() {
        let analysis = SeriesAnalysis(config: Series.config("X"), series: Series.closes("X", [10, 11]))
        #expect(analysis.closingRecords.length == [0, 1])
    }

    /// The first session is never a record, so a run from the second, current or earlier, may
    /// have begun before the data: facts.json flags its length as a lower bound.
    @Test func aRecordRunFromTheDatasSecondSessionHasALengthThatIsOnlyAMinimum() throws {
        let closes: [Double] = [10, 11, 12, 13, 10, 10, 14, 15]
        let analysis = SeriesAnalysis(config: Series.config("X"), series: Series.closes("X", closes))
        let dates = Series.dates(closes.count)
        let rising = try #require(analysis.facts(on: dates[3])).closingRecord.streak
        #expect(rising.length == 3 && rising.lengthIsMinimum == true)
        let later = try #require(analysis.facts(on: dates[7])).closingRecord.streak
        #expect(later.length == 2 && later.lengthIsMinimum == nil)
        let last = try #require(later.lastTime)
        #expect(last.start == dates[1] && last.length == 3 && last.lengthIsMinimum == true)
        #expect(later.openingRun == nil)
    }

    @Test func equalingTheRecordIsNotANewRecord() {
        let analysis = SeriesAnalysis(config: Series.config("X"), series: Series.closes("X", [10, 12, 12, 13]))
        #expect(analysis.closingRecords.length == [0, 1, 0, 1])
    }

    /// A close before the note's month, quarter or year began tells none of its periods to date.
    @Test func aPeriodToDateIsToldOnlyFromACloseInsideIt() {
        let close = Series.date("2025-03-31")
        #expect(ReturnPeriod.allCases.filter { $0.isTold(atClose: close, inNoteOf: Series.date("2025-03-31")) } == ReturnPeriod.allCases)
        #expect(ReturnPeriod.allCases.filter { !$0.isTold(atClose: close, inNoteOf: Series.date("2025-04-01")) } == [.monthToDate, .quarterToDate])
        #expect(ReturnPeriod.allCases.filter { !$0.isTold(atClose: Series.date("2025-02-28"), inNoteOf: Series.date("2025-03-03")) } == [.monthToDate])
        #expect(ReturnPeriod.allCases.filter { !$0.isTold(atClose: Series.date("2024-12-31"), inNoteOf: Series.date("2025-01-02")) }
                == [.monthToDate, .quarterToDate, .yearToDate])
    }

    @Test func periodReturnsCompareWithTheLastSessionOfThePreviousPeriod() throws {
        let dates = ["2024-12-30", "2024-12-31", "2025-01-02", "2025-01-31", "2025-02-03"].map(Series.date)
        let analysis = SeriesAnalysis(config: Series.config("X"), series: Series.closes("X", [100, 110, 121, 99, 132], dates: dates))
        let ytd = try #require(analysis.periodReturn(.yearToDate, at: 4))
        #expect(ytd.base == 1)
        #expect(abs(ytd.value - 0.2) < 1e-12)
        let mtd = try #require(analysis.periodReturn(.monthToDate, at: 4))
        #expect(mtd.base == 3)
        #expect(abs(mtd.value - (132.0 / 99 - 1)) < 1e-12)
        #expect(analysis.periodReturn(.monthToDate, at: 1) == nil)  // the series starts in its first month
        #expect(analysis.periodReturn(.oneDay, at: 0) == nil)
    }

    @Test func oneYearReturnUsesTheLastSessionOnOrBeforeTheSameDateAYearEarlier() throws {
        let dates = ["2024-03-01", "2024-03-04", "2025-03-03", "2025-03-04"].map(Series.date)
        let analysis = SeriesAnalysis(config: Series.config("X"), series: Series.closes("X", [50, 60, 75, 80], dates: dates))
        // 2025-03-03 looks back to 2024-03-03, a Sunday: the last session on or before it is 2024-03-01.
        #expect(try #require(analysis.periodReturn(.oneYear, at: 2)).base == 0)
        #expect(try #require(analysis.periodReturn(.oneYear, at: 3)).base == 1)
        #expect(analysis.periodReturn(.oneYear, at: 1) == nil)
    }

    @Test func totalReturnUsesTheAdjustedClose() throws {
        var series = Series.closes("X", [100, 100])
        series.adjustedClose = [98, 100]
        let analysis = SeriesAnalysis(config: Series.config("X", returns: .total), series: series)
        #expect(abs(try #require(analysis.periodReturn(.oneDay, at: 1)).value - (100.0 / 98 - 1)) < 1e-12)
    }
}

@Suite struct ComparisonAnalysisTests {
    private func comparison(_ a: [Double], _ b: [Double], datesA: [SessionDate]? = nil, datesB: [SessionDate]? = nil) -> ComparisonAnalysis {
        ComparisonAnalysis(leader: SeriesAnalysis(config: Series.config("A"), series: Series.closes("A", a, dates: datesA)),
                           benchmark: SeriesAnalysis(config: Series.config("B"), series: Series.closes("B", b, dates: datesB)))
    }

    @Test func aTieIsNotABeat() {
        let pair = comparison([100, 101, 102.01, 103], [100, 101, 102.01, 102])
        // r_A = r_B on sessions 1 and 2; A beats on session 3.
        #expect(pair.leaderBeats.length == [0, 0, 0, 1])
        #expect(pair.benchmarkBeats.length == [0, 0, 0, 0])
    }

    /// An edge-case audit: with a row missing from one file, each return was taken from the file's
    /// own previous row, so a two-day move was set against a one-day one ("A has beaten B in each
    /// of the last six sessions" when over the same two days B rose more). Both returns now run
    /// from the previous common session, and so do the pair's 1D and 5D relative returns.
    @Test func aBeatComparesReturnsOverTheSameDaysWhenAFileLacksARow() throws {
        let all = Series.dates(7)
        // B has no row on the third session: the pair has six common sessions.
        let pair = comparison([100, 101, 103, 104, 105, 106, 107], [100, 100.5, 102.5, 103, 103.5, 104],
                              datesA: all, datesB: [all[0], all[1], all[3], all[4], all[5], all[6]])
        #expect(pair.alignment.dates == [all[0], all[1], all[3], all[4], all[5], all[6]])
        // On all[3], from all[1]: A +3.0% (104/101), B +2.0% (102.5/100.5): a beat. From A's own
        // previous row (all[2]), A's +1.0% would have lost to B's two-day +2.0%.
        #expect(pair.leaderBeats.length == [0, 1, 2, 3, 4, 5])
        let facts = try #require(pair.facts(on: all[6]))
        let fiveDays = try #require(facts.relativeReturns.first { $0.period == .fiveDays })
        #expect(fiveDays.baseDate == all[0])
        let expected: Double = 1.07 / 1.04 - 1
        #expect(abs(try #require(fiveDays.value) - expected) < 1e-12)
        let oneDay = try #require(facts.relativeReturns.first { $0.period == .oneDay })
        #expect(oneDay.baseDate == all[5])
    }

    /// The relative chart ends at the 1Y relative return even when one fund has no session on the
    /// other's 1Y base: the edge-case audit found 0.9–8 points between them in three such notes.
    @Test func theRelativeChartEndsAtTheOneYearRelativeReturnWhenAFundMissesTheBaseSession() throws {
        let all = Series.dates(300)
        let last = all[all.count - 1]
        let benchmarkBase = try #require(all.last { $0 <= last.sameDay(yearsEarlier: 1) })
        let leaderDates = all.filter { $0 != benchmarkBase }
        let pair = comparison(leaderDates.indices.map { 100 + 5 * sin(Double($0)) + 0.1 * Double($0) },
                              all.indices.map { 200 + 7 * cos(Double($0) / 3) },
                              datesA: leaderDates, datesB: all)
        let facts = try #require(pair.facts(on: last))
        let oneYear = try #require(facts.relativeReturns.first { $0.period == .oneYear }?.value)
        let end = try #require(facts.relativePerformance.last)
        #expect(end.date == last)
        #expect(abs(end.value - oneYear) < 1e-12, "\(end.value) vs \(oneYear)")
        #expect(try #require(facts.relativePerformance.first).date <= benchmarkBase)
    }

    /// A code review: with the benchmark's file ending in December, the January note's facts.json
    /// gave the pair a YTD figure based on the close a year before that, all of last year: a
    /// period the last common close is not inside is not the note's, as for a series alone.
    @Test func aPeriodTheLastCommonCloseIsNotInsideHasNoRelativeReturn() throws {
        let dates = ["2023-12-29", "2024-09-30", "2024-11-29", "2024-12-31", "2025-01-02", "2025-01-03"].map(Series.date)
        let pair = comparison([100, 101, 102, 103, 104, 105], [100, 102, 101, 103], datesA: dates, datesB: Array(dates.prefix(4)))
        let facts = try #require(pair.facts(on: dates[5]))
        let toDate = facts.relativeReturns.filter { [.monthToDate, .quarterToDate, .yearToDate].contains($0.period) }
        #expect(toDate.count == 3 && toDate.allSatisfy { $0.value == nil && $0.baseDate == nil }, "\(toDate)")
        #expect(facts.relativeReturns.first { $0.period == .oneDay }?.value != nil)
    }

    @Test func aSeriesThatStartsLaterBeatsNothingOnItsFirstSession() {
        let all = Series.dates(4)
        let pair = comparison([50, 60, 70], [100, 100, 100, 100], datesA: Array(all[1...]), datesB: all)
        #expect(pair.leaderBeats.length == [0, 1, 2])
    }

    @Test func relativeReturnIsTheRatioOfGrowthFactorsMinusOne() {
        let pair = comparison([100, 110], [100, 105])
        #expect(abs(pair.relativeReturn(from: 0, to: 1) - (1.10 / 1.05 - 1)) < 1e-12)
    }
}

@Suite struct SignalOutcomesTests {
    @Test func refiresWithinTheHorizonAreIgnoredAndIncompleteHorizonsLeftOut() {
        let episodes = OutcomeTable(firings: [0, 5, 30, 70], horizon: 21, through: 80) { start, end in
            Double(end - start)
        }.episodes
        #expect(episodes.map(\.firing) == [0, 30])
    }

    /// An audit: a table left out signals too recent to measure under a note that said they came
    /// too close to an earlier one. The facts class every earlier firing no horizon counts.
    @Test func firingsCountedOverNoHorizonAreClassedByWhy() throws {
        // Through 100: over 21 sessions 0, 30 and 70 count, 5 and 75 come too close, 95 too
        // recently; over 63 only 0 counts, 5 and 30 come too close, 70 onward too recently.
        let tables = SignalOutcomes.tables(firings: [0, 5, 30, 70, 75, 95], through: 100) { start, end in Double(end - start) }
        let uncounted = try #require(SignalOutcomes.uncounted(tables, before: 100, through: 100))
        #expect((uncounted.tooRecent, uncounted.tooClose, uncounted.tooCloseThenTooRecent) == (1, 1, 1))
        // Before 75 through 100, and through 90 (95 not yet fired): only 5 is left out.
        let early = try #require(SignalOutcomes.uncounted(tables, before: 75, through: 100))
        #expect((early.tooRecent, early.tooClose, early.tooCloseThenTooRecent) == (0, 1, 0))
        #expect(SignalOutcomes.uncounted(tables, before: 5, through: 100) == nil)
    }

    /// The table answers every (limit, last) like measuring the earlier firings afresh would.
    @Test func outcomeTableLookupsEqualMeasuringTheEarlierFiringsAgain() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let count = Int.random(in: 50...600, using: &generator)
            let prices = (0..<count).map { _ in Double.random(in: 90...110, using: &generator) }
            let firings = (0..<count).filter { _ in Double.random(in: 0...1, using: &generator) < 0.1 }
            let change = { (start: Int, end: Int) in prices[end] / prices[start] - 1 }
            let dates = (0..<count).map { SessionDate(year: 2000, month: 1, day: 1)!.adding(days: $0) }
            let table = OutcomeTable(firings: firings, horizon: 21, through: count - 1, relativeReturn: change)
            for _ in 0..<30 {
                let last = Int.random(in: 0..<count, using: &generator), limit = Int.random(in: 0...last, using: &generator)
                let expected = OutcomeTable(firings: firings.filter { $0 < limit }, horizon: 21, through: last,
                                            relativeReturn: change).episodes
                let outcome = table.outcome(before: limit, through: last, dates: dates)
                #expect(outcome.count == expected.count)
                #expect(outcome.hits == expected.filter { $0.relative > 0 }.count)
                #expect(outcome.median == SignalOutcomes.median(expected.map(\.relative)))
                #expect(outcome.episodes.map(\.date) == expected.suffix(SignalOutcomes.listedEpisodes).map { dates[$0.firing] })
            }
        }
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(SignalOutcomes.median([4, 1, 3, 2]) == 2.5)
        #expect(SignalOutcomes.median([]) == nil)
    }
}
