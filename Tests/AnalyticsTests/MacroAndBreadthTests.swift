import Foundation
import Analytics
import MarketData
import Testing
import TestSupport

@Suite struct MacroAnalysisTests {
    private func quarters(from year: Int, _ values: [Double?]) -> ObservationSeries {
        ObservationSeries(id: "g", periods: values.indices.map { .quarter(year: year + $0 / 4, quarter: $0 % 4 + 1) }, values: values)
    }

    private func config(exclude: [ExclusionWindow] = [], transform: MacroTransform = .none) -> MacroConfig {
        MacroConfig(id: "g", name: "growth", shortName: "growth", file: "g.csv", column: nil, transform: transform, unit: "%",
                    exclude: exclude, availability: .periodStart, topics: [], location: SourceLocation(path: "test"))
    }

    @Test func highestSinceSkipsExclusionWindowsAndReportsTheOneBeforeThat() throws {
        // 2010Q1 … 2012Q4: 6.0 and 5.5 early, 8.0 inside the excluded 2011, then 5.8 at the end.
        let values: [Double?] = [6.0, 2, 5.5, 1, 8.0, 9.0, 2, 1, 2, 3, 2, 5.8]
        let window = ExclusionWindow(from: ObservationPeriod("2011Q1")!, to: ObservationPeriod("2011Q4")!, label: "the rebound")
        let analysis = MacroAnalysis(config: config(exclude: [window]), series: quarters(from: 2010, values))
        let facts = try #require(analysis.facts(knownOn: Series.date("2013-01-15")))
        #expect(facts.period == ObservationPeriod("2012Q4"))
        let highest = try #require(facts.highest)
        #expect(highest.since?.period == ObservationPeriod("2010Q1"))
        #expect(highest.beforeThat == nil)
        #expect(highest.skippedWindows == ["the rebound"])
        #expect(highest.sinceWithoutExclusions?.period == ObservationPeriod("2011Q2"))
    }

    /// A reading inside the window is one of the readings the window sets aside: it is compared
    /// with every earlier one, its own window included.
    @Test func aReadingInsideAnExclusionWindowIsComparedWithEveryEarlierReading() throws {
        let window = ExclusionWindow(from: ObservationPeriod("2010Q3")!, to: ObservationPeriod("2011Q1")!, label: "the rebound")
        let analysis = MacroAnalysis(config: config(exclude: [window]), series: quarters(from: 2010, [5, 1, 4, 1, 3]))
        let highest = try #require(analysis.facts(knownOn: Series.date("2011-02-01"))?.highest)
        #expect(highest.since?.period == ObservationPeriod("2010Q3"))
        #expect(highest.skippedWindows.isEmpty)
        #expect(highest.beforeThat?.period == ObservationPeriod("2010Q1"))
    }

    /// How rare "highest since" is counts the readings it was compared with: 1.5, two readings
    /// after a skipped window of eight, reaches back three readings, not eleven periods, so 19
    /// earlier readings reached as far (eleven periods: 11), and 0.6% after a pandemic window
    /// stopped headlining as the strongest in years.
    @Test func aSkippedWindowAddsNothingToHowFarAReadingReaches() throws {
        let before = (1...20).map { Double($0) }
        let values: [Double?] = before + Array(repeating: 30, count: 8) + [1.0, 0.5, 1.5]
        let window = ExclusionWindow(from: ObservationPeriod("2015Q1")!, to: ObservationPeriod("2016Q4")!, label: "the rebound")
        let analysis = MacroAnalysis(config: config(exclude: [window]), series: quarters(from: 2010, values))
        let facts = try #require(analysis.facts(knownOn: Series.date("2017-08-01")))
        #expect(facts.period == ObservationPeriod("2017Q3"))
        let highest = try #require(facts.highest)
        #expect(highest.since?.period == ObservationPeriod("2014Q4"))
        #expect(highest.periodsSince == 11)
        #expect(highest.rarity.earlierOccurrences == 19)
    }

    /// Whether a reading is a high or a low is judged against the reading the search compares it
    /// with: 3.8 after a skipped window that ended at 7.0 is the highest since 4.0 before the
    /// window (and, counting it, since the 7.0), not the lowest since the 2.0 before the window.
    @Test func aReadingAfterASkippedWindowRisesOrFallsAgainstTheReadingBeforeTheWindow() throws {
        let window = ExclusionWindow(from: ObservationPeriod("2001Q1")!, to: ObservationPeriod("2001Q4")!, label: "the rebound")
        let analysis = MacroAnalysis(config: config(exclude: [window]), series: quarters(from: 2000, [4.0, 2, 2, 2, -5, 30, 2, 7.0, 3.8]))
        let facts = try #require(analysis.facts(knownOn: Series.date("2002-01-15")))
        #expect(facts.lowest == nil)
        let highest = try #require(facts.highest)
        #expect(highest.since?.period == ObservationPeriod("2000Q1"))
        #expect(highest.skippedWindows == ["the rebound"])
        #expect(highest.sinceWithoutExclusions?.period == ObservationPeriod("2001Q4"))
    }

    /// The edge-case audit: GDP growth of 2.0% was "the lowest reading since the second quarter
    /// of 2017" while every reading since printed 2.0% too (they differed in the fourth decimal).
    /// Readings are compared as printed, to one decimal: one that prints as the reading before it
    /// is neither a high nor a low, and a tie ends the search; the facts keep the readings.
    @Test func readingsAreComparedAsTheyArePrinted() throws {
        let analysis = MacroAnalysis(config: config(), series: quarters(from: 2000, [1.5, 2.0153, 2.0152, 2.0154, 2.0151, 1.94, 1.96]))
        let tie = try #require(analysis.facts(knownOn: Series.date("2001-01-15")))
        #expect(tie.value == 2.0151 && tie.highest == nil && tie.lowest == nil)
        let lower = try #require(analysis.facts(knownOn: Series.date("2001-04-15"))?.lowest)
        #expect(lower.since?.period == ObservationPeriod("2000Q1") && lower.since?.value == 1.5)
        // 1.96 prints 2.0, above 1.94's 1.9: the highest since the 2.0151 that prints alike.
        let higher = try #require(analysis.facts(knownOn: Series.date("2001-07-15"))?.highest)
        #expect(higher.since?.period == ObservationPeriod("2001Q1") && higher.since?.value == 2.0151)
    }

    @Test func beforeThatRepeatsTheSearchFromTheFirstAnswerWithTheSameThreshold() throws {
        let values: [Double?] = [5.4, 1, 1, 6.0, 1, 5.3]
        let analysis = MacroAnalysis(config: config(), series: quarters(from: 2000, values))
        let highest = try #require(analysis.facts(knownOn: Series.date("2001-06-01"))?.highest)
        #expect(highest.since?.period == ObservationPeriod("2000Q4"))
        #expect(highest.beforeThat?.period == ObservationPeriod("2000Q1"))
    }

    @Test func anEqualEarlierValueEndsTheSearch() throws {
        let analysis = MacroAnalysis(config: config(), series: quarters(from: 2000, [3.0, 1, 3.0]))
        #expect(try #require(analysis.facts(knownOn: Series.date("2000-07-01"))?.highest).since?.period == ObservationPeriod("2000Q1"))
    }

    @Test func quarterlyLevelsBecomeAnnualisedGrowth() throws {
        let analysis = MacroAnalysis(config: config(transform: .annualisedGrowth), series: quarters(from: 2000, [100, 101]))
        let value = try #require(analysis.values[1])
        #expect(abs(value - (pow(1.01, 4) - 1) * 100) < 1e-9)
        #expect(analysis.values[0] == nil)
    }

    @Test func aPeriodIsOnlyReportedOnceItIsKnown() {
        var config = config()
        config.availability = .periodEnd
        let analysis = MacroAnalysis(config: config, series: quarters(from: 2000, [1, 2]))
        #expect(analysis.facts(knownOn: Series.date("2000-06-30"))?.period == ObservationPeriod("2000Q1"))
        #expect(analysis.facts(knownOn: Series.date("2000-07-01"))?.period == ObservationPeriod("2000Q2"))
        #expect(analysis.facts(knownOn: Series.date("2000-03-31")) == nil)
    }

    /// The advance GDP estimate of a quarter comes about 30 days after it ends: with `lagDays: 30`
    /// a note of October 1, 2008 does not state the third quarter (a revision it could not know).
    @Test func aReleaseLagDelaysWhenAReadingIsKnown() throws {
        var config = config()
        config.availability = Availability(.periodEnd, lagDays: 30)
        let analysis = MacroAnalysis(config: config, series: quarters(from: 2008, [1, 2, 3]))
        #expect(analysis.facts(knownOn: Series.date("2008-10-01"))?.period == ObservationPeriod("2008Q2"))
        #expect(analysis.facts(knownOn: Series.date("2008-10-30"))?.period == ObservationPeriod("2008Q2"))
        let known = try #require(analysis.facts(knownOn: Series.date("2008-10-31")))
        #expect(known.period == ObservationPeriod("2008Q3"))
        #expect(known.knownSince == Series.date("2008-10-31"))
        #expect(analysis.facts(knownOn: Series.date("2008-07-30"))?.period == ObservationPeriod("2008Q1"))
    }

    @Test func missingValuesAreSkipped() throws {
        let analysis = MacroAnalysis(config: config(), series: quarters(from: 2000, [2, nil, 3, nil]))
        let facts = try #require(analysis.facts(knownOn: Series.date("2000-12-01")))
        #expect(facts.period == ObservationPeriod("2000Q3"))
        #expect(facts.previous?.period == ObservationPeriod("2000Q1"))
    }

    /// Daily readings from Monday 2024-01-01, each known two days after it (the day after its end,
    /// plus one day of lag): Thursday's comes out on Saturday and Friday's on Sunday.
    private func weekdayReadings() -> MacroAnalysis {
        var config = config()
        config.availability = Availability(.periodEnd, lagDays: 1)
        let days = Series.dates(6).map(ObservationPeriod.day)
        return MacroAnalysis(config: config, series: ObservationSeries(id: "g", periods: days, values: [1, 2, 3, 4, 5, 6]))
    }

    @Test func aReadingReleasedBetweenSessionsIsToldFromTheNextSession() throws {
        let analysis = weekdayReadings()
        #expect(analysis.facts(knownOn: Series.date("2024-01-05"))?.period == .day(Series.date("2024-01-03")))
        let monday = try #require(analysis.facts(knownOn: Series.date("2024-01-08")))
        #expect(monday.period == .day(Series.date("2024-01-05")))
        #expect(monday.knownSince == Series.date("2024-01-07"))
        #expect(analysis.facts(knownOn: Series.date("2024-01-02")) == nil)
    }

    @Test func readingsKnownOnTheSameDayTellTheLatestWithTheOtherAsItsPrevious() throws {
        let monday = try #require(weekdayReadings().facts(knownOn: Series.date("2024-01-08")))
        #expect(monday.period == .day(Series.date("2024-01-05")))
        #expect(monday.previous?.period == .day(Series.date("2024-01-04")))
        #expect(monday.value == 5)
    }

    @Test func aKnownPeriodWithoutAValueLeavesTheLatestOneWithAValue() throws {
        let analysis = MacroAnalysis(config: config(), series: quarters(from: 2000, [2, 3, nil, nil, 5]))
        #expect(analysis.facts(knownOn: Series.date("2000-10-01"))?.period == ObservationPeriod("2000Q2"))
        #expect(analysis.facts(knownOn: Series.date("2001-01-01"))?.period == ObservationPeriod("2001Q1"))
        #expect(analysis.facts(knownOn: Series.date("1999-12-31")) == nil)
        let late = MacroAnalysis(config: config(), series: quarters(from: 2000, [nil, nil, 4]))
        #expect(late.facts(knownOn: Series.date("2000-06-30")) == nil)
        #expect(late.facts(knownOn: Series.date("2000-07-01"))?.period == ObservationPeriod("2000Q3"))
    }

    /// A window is named as skipped only when a reading inside it, after the reading the search
    /// settled on and before the current one, was at least as high: not one before the answer, not
    /// lower ones, not one after the current reading.
    @Test func aWindowIsSkippedOnlyForAnAsHighReadingBetweenTheAnswerAndTheReading() throws {
        let windows = [("2000Q1", "2000Q2", "first"), ("2000Q4", "2001Q1", "higher"), ("2001Q3", "2001Q4", "lower"),
                       ("2002Q1", "2002Q3", "equal, up to the reading"), ("2003Q1", "2003Q4", "later")].map {
            ExclusionWindow(from: ObservationPeriod($0.0)!, to: ObservationPeriod($0.1)!, label: $0.2)
        }
        let values: [Double?] = [9, 1, 7, 8, 2, 3, 5, 4, 6, 1, 2, 6, 9, 9, 9, 9]
        let analysis = MacroAnalysis(config: config(exclude: windows), series: quarters(from: 2000, values))
        let facts = try #require(analysis.facts(knownOn: Series.date("2002-10-01")))
        #expect(facts.period == ObservationPeriod("2002Q4"))
        let highest = try #require(facts.highest)
        #expect(highest.since?.period == ObservationPeriod("2000Q3"))
        #expect(highest.skippedWindows == ["higher", "equal, up to the reading"])
        #expect(highest.sinceWithoutExclusions?.period == ObservationPeriod("2002Q1"))
        #expect(highest.periodsSince == 9)
    }

    @Test func aLowestSinceNamesTheWindowsWithAnAsLowReadingInBetween() throws {
        let windows = [ExclusionWindow(from: ObservationPeriod("2000Q2")!, to: ObservationPeriod("2000Q2")!, label: "high"),
                       ExclusionWindow(from: ObservationPeriod("2000Q3")!, to: ObservationPeriod("2000Q3")!, label: "low")]
        let analysis = MacroAnalysis(config: config(exclude: windows), series: quarters(from: 2000, [-4, 5, -3, 4, 3, -2]))
        let lowest = try #require(analysis.facts(knownOn: Series.date("2001-04-01"))?.lowest)
        #expect(lowest.since?.period == ObservationPeriod("2000Q1"))
        #expect(lowest.since?.value == -4)
        #expect(lowest.skippedWindows == ["low"])
    }
}

@Suite struct BreadthAnalysisTests {
    private func analysis(_ small: [Double?], _ large: [Double?]) -> BreadthAnalysis {
        let periods = small.indices.map { ObservationPeriod.month(year: 2020, month: $0 + 1) }
        let table = ObservationTable(frequency: .monthly, periods: periods, columnNames: ["small", "large"], values: [small, large])
        let config = BreadthConfig(
            id: "b", name: "breadth", shortName: "breadth",
            file: "b.csv", groups: [BreadthGroup(column: "small", label: "small caps", plural: true),
                                    BreadthGroup(column: "large", label: "large caps", plural: true)],
            focus: "small", outcome: nil, availability: .periodStart, topics: [], location: SourceLocation(path: "test"))
        return BreadthAnalysis(config: config, table: table)
    }

    @Test func aNewLeadReportsTheLatestEarlierPeriodInWhichTheFocusLed() {
        let breadth = analysis([5, 9, 9, 4, 4, 8], [6, 8, 7, 6, 6, 7])
        let facts = breadth.facts(at: 5, outcomes: nil)
        #expect(facts.newLead)
        #expect(facts.previousLead == .month(year: 2020, month: 3))
        #expect(facts.earlierLeads == 1)
    }

    @Test func aTieIsNoLead() {
        let breadth = analysis([5, 6], [5, 7])
        #expect(breadth.leader == [nil, 1])
        #expect(!breadth.facts(at: 0, outcomes: nil).focusLeads)
    }

    @Test func theFirstLeadEverHasNoPreviousLead() {
        let facts = analysis([1, 9], [2, 3]).facts(at: 1, outcomes: nil)
        #expect(facts.newLead)
        #expect(facts.previousLead == nil)
    }

    @Test func aMissingValueMeansNoLeaderThatPeriod() {
        let breadth = analysis([9, nil, 9], [1, 1, 1])
        #expect(breadth.leader == [0, nil, 0])
        #expect(breadth.facts(at: 2, outcomes: nil).previousLead == .month(year: 2020, month: 1))
    }

    /// Small caps lead in January–February, April and August (the first and last periods of the
    /// table are in leads; the first is not a lead taken in the data).
    private let edgeLeads = ([9, 9, 1, 9, 1, 1, 1, 9] as [Double?], [1, 1, 9, 1, 9, 9, 9, 1] as [Double?])

    /// An audit: the first reading's lead was headlined "for the first time in this data" and
    /// counted as an earlier lead later. A lead needs an earlier reading without it, so a lead the
    /// data open with is neither new nor an earlier lead, and its length is a lower bound.
    @Test func aLeadInTheFirstPeriodIsNeitherNewNorAnEarlierLead() {
        let breadth = analysis(edgeLeads.0, edgeLeads.1)
        let first = breadth.facts(at: 0, outcomes: nil)
        #expect(first.focusLeads && !first.newLead && first.previousLead == nil && first.earlierLeads == 0)
        #expect(first.leadLengthIsMinimum == true && first.rarity == .common)
        let second = breadth.facts(at: 1, outcomes: nil)
        #expect(second.focusLeads && !second.newLead && second.leadLength == 2 && second.earlierLeads == 0)
        #expect(second.leadLengthIsMinimum == true)
        #expect(breadth.earlierLeadStarts(before: 1).isEmpty)
        let april = breadth.facts(at: 3, outcomes: nil)
        #expect(april.newLead && april.earlierLeads == 0 && april.previousLead == .month(year: 2020, month: 2))
        #expect(april.leadLengthIsMinimum == nil && breadth.earlierLeadStarts(before: 3).isEmpty)
    }

    /// A review: a first reading with a blank cell has no leader, and the lead in the next one was
    /// "for the first time in this data": leads are judged from the first complete reading.
    @Test func aLeadAfterAnIncompleteFirstReadingIsNotNew() {
        let breadth = analysis([9, 9, 1, 9], [nil, 1, 9, 1])
        let february = breadth.facts(at: 1, outcomes: nil)
        #expect(february.focusLeads && !february.newLead && february.leadLengthIsMinimum == true)
        #expect(breadth.facts(at: 3, outcomes: nil).newLead)
    }

    @Test func aLeadThatEndedCountsAsEarlierFromTheNextPeriod() {
        let breadth = analysis(edgeLeads.0, edgeLeads.1)
        let may = breadth.facts(at: 4, outcomes: nil)
        #expect(!may.focusLeads && may.earlierLeads == 1 && may.previousLead == .month(year: 2020, month: 4))
        #expect(breadth.earlierLeadStarts(before: 4) == [3])
        let july = breadth.facts(at: 6, outcomes: nil)
        #expect(july.earlierLeads == 1 && july.previousLead == .month(year: 2020, month: 4))
    }

    @Test func aNewLeadInTheLastPeriodCountsEveryEarlierLead() {
        let breadth = analysis(edgeLeads.0, edgeLeads.1)
        let august = breadth.facts(at: 7, outcomes: nil)
        #expect(august.newLead && august.earlierLeads == 1 && august.previousLead == .month(year: 2020, month: 4))
        #expect(breadth.earlierLeadStarts(before: 7) == [3])
    }

    /// A new lead's rarity counts the earlier leads that came after a gap at least as long: the
    /// leads of March, May and August start three, two and three periods after the previous lead
    /// (the first, after the period before the table).
    @Test func aNewLeadsRarityCountsEarlierLeadsAfterAsLongAGap() {
        let breadth = analysis([1, 1, 9, 1, 9, 1, 1, 9], [9, 9, 1, 9, 1, 9, 9, 1])
        #expect(breadth.facts(at: 2, outcomes: nil).rarity.earlierOccurrences == 0)
        #expect(breadth.facts(at: 4, outcomes: nil).rarity.earlierOccurrences == 1)
        #expect(breadth.facts(at: 7, outcomes: nil).rarity.earlierOccurrences == 1)
        #expect(breadth.facts(at: 5, outcomes: nil).rarity == .common)
    }

    @Test func theKnownBreadthPeriodIsTheLatestReleasedOnTheDate() {
        let periods = (1...3).map { ObservationPeriod.month(year: 2020, month: $0) }
        let table = ObservationTable(frequency: .monthly, periods: periods, columnNames: ["small", "large"], values: [[1, 2, 3], [3, 2, 1]])
        let config = BreadthConfig(
            id: "b", name: "breadth", shortName: "breadth", file: "b.csv",
            groups: [BreadthGroup(column: "small", label: "small caps", plural: true), BreadthGroup(column: "large", label: "large caps", plural: true)],
            focus: "small", outcome: nil, availability: Availability(.periodEnd, lagDays: 10), topics: [], location: SourceLocation(path: "test"))
        let breadth = BreadthAnalysis(config: config, table: table)
        #expect(breadth.position(knownOn: Series.date("2020-02-10")) == nil)
        #expect(breadth.position(knownOn: Series.date("2020-02-11")) == 0)
        #expect(breadth.position(knownOn: Series.date("2020-04-10")) == 1)
        #expect(breadth.position(knownOn: Series.date("2021-01-01")) == 2)
    }
}

@Suite struct BreadthOutcomeTests {
    /// An audit: a lead of the focus group before the outcome pair's prices began was measured as
    /// if it had started on their first session, an episode that never happened ("one of those
    /// leads (January 1999) can be measured": the lead was in 1998). It counts among the earlier
    /// leads, and is measured not at all.
    @Test func aLeadBeforeThePairsPricesBeganIsNotMeasuredFromTheirFirstSession() throws {
        var market = RandomMarket(seed: 7)
        var inputs = market.project(sessions: 600)
        let months = (0..<42).map { ObservationPeriod.month(year: 2013 + $0 / 12, month: $0 % 12 + 1) }
        let leads: Set<ObservationPeriod> = [.month(year: 2013, month: 2), .month(year: 2015, month: 6), .month(year: 2016, month: 6)]
        let focus: [Double?] = months.map { leads.contains($0) ? 30 : 10 }
        inputs.breadth["b"] = ObservationTable(frequency: .monthly, periods: months, columnNames: ["s", "m", "l"],
                                               values: [focus, months.map { _ in 20 }, months.map { _ in 15 }])
        let analysis = HistoryAnalysis(inputs: inputs)
        let facts = try #require(analysis.facts(on: SessionDate("2016-06-01")!).breadth.first)
        #expect(facts.newLead && facts.earlierLeads == 2)
        let juneSession = try #require(inputs.prices.map { $0.dates.first { $0 >= SessionDate("2015-06-01")! }! }.max())
        for horizon in try #require(facts.outcomes).horizons {
            #expect(horizon.episodes.map { $0.date } == [juneSession], "after \(horizon.sessions) sessions")
        }
    }
}
