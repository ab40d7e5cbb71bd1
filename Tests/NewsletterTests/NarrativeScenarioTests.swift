import Analytics
import MarketData
@testable import Newsletter
import Testing
import TestSupport

/// Notes for the kinds of day an editor meets, on the real S&P 500 and NASDAQ data: each reads
/// correctly and claims nothing the facts do not hold.
@Suite(.serialized) struct NarrativeScenarioTests {
    static let analysis = Result { HistoryAnalysis(inputs: try Fixtures.realProject()) }

    private func note(_ date: String) throws -> (facts: NoteFacts, narrative: Narrative, text: String) {
        let facts = try Self.analysis.get().facts(on: SessionDate(date)!)
        let narrative = NarrativeWriter().write(facts, figures: FigureLedger())
        let text = narrative.statements.flatMap(\.plain).joined(separator: " ")
        return (facts, narrative, text)
    }

    /// The S&P 500 fell 2.8% below the close before and ended up 0.9% on December 27, 2018: a
    /// swing of 3.7% of its close is not an "orderly session".
    @Test func aDayThatSwungWidelyIsNotCalledCalm() throws {
        let (facts, narrative, _) = try note("2018-12-27")
        let spx = try #require(facts.series("SPX"))
        #expect(abs(try #require(spx.intradayRange) - (2489.100098 - 2397.939941) / 2467.699951) < 1e-12)
        #expect(!["calm", "quiet", "orderly"].contains { narrative.headline.contains($0) }, "\(narrative.headline)")
    }

    /// The S&P 500's file gives only closes before 1962 (High = Low = Close): the notes claimed
    /// intraday records ("set an intraday record high for the 3rd straight session, topping out at
    /// 55.21") and calm sessions (the day after the 5.4% fall of June 26, 1950 was "a quiet day")
    /// that the data cannot show. Such a day has no range, its records are of closes, and it is
    /// not called calm.
    @Test func aDayWhoseFileGivesOnlyTheCloseClaimsNothingAboutItsTrading() throws {
        let (facts, _, text) = try note("1958-12-31")
        let spx = try #require(facts.series("SPX"))
        #expect(spx.intradayRange == nil && spx.closingRecord.streak.length == 3)
        #expect(text.contains("SPX closed at a record for the third straight session, at 55.21.")
            || text.contains("SPX has now closed at a record in each of the last three sessions, today at 55.21."), "\(text)")
        #expect(!text.contains("intraday"))
        let (_, korea, _) = try note("1950-06-27")
        #expect(korea.headline == "The S&P 500 falls 1.1%", "\(korea.headline)")
        let (sixties, _, _) = try note("1962-06-26")
        #expect(sixties.series("SPX")?.intradayRange != nil)
    }

    /// The NASDAQ entered a bear market on December 21, 2018 and bounced 5.8% on the 26th: it was
    /// then "in correction territory", although a bear market lasts until a 20% rise from its
    /// low. And the S&P 500's 19.96% of July 7, 2008 was printed "20.0%" beside "correction".
    @Test func aBearMarketIsNotACorrectionAgainAfterOneUpDay() throws {
        let (facts, _, text) = try note("2018-12-26")
        #expect(facts.series("IXIC")?.bearMarketSince == SessionDate("2018-12-21"))
        #expect(text.contains("IXIC stands 19.2% below its record close of 8,109.69 from August 29, 2018, still in the bear market it entered on December 21, 2018, as it has not risen 20% from its low since."),
                "\(text)")
        #expect(text.contains("SPX stands 15.8% below its record close of 2,930.75 from September 20, 2018, in correction territory."))
        let (_, _, boundary) = try note("2008-07-07")
        #expect(boundary.contains("SPX stands 19.99% below its record close of 1,565.15 from October 9, 2007, in correction territory."), "\(boundary)")
    }

    /// The edge-case audit: a close of 80.00 under a record close of 100.00 was "20.00% below its
    /// record close …, in correction territory". The label and the figure agree at the printed
    /// precision: 20.00% (or 19.996%) is past the 20% mark and told as 20.0%; 19.994% is 19.99%.
    @Test func aDistanceThatPrintsAsAYardstickHasReachedIt() throws {
        var facts = try Self.analysis.get().facts(on: SessionDate("2018-12-26")!)
        let index = try #require(facts.series.firstIndex { $0.symbol == "SPX" })
        func text(_ drawdown: Double) -> String {
            facts.series[index].drawdown = drawdown
            return NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
        }
        let bear = "SPX stands 20.0% below its record close of 2,930.75 from September 20, 2018, past the 20% mark that usually defines a bear market."
        #expect(text(80.0 / 100 - 1).contains(bear))
        #expect(text(79.996 / 100 - 1).contains(bear))
        #expect(text(80.006 / 100 - 1).contains("SPX stands 19.99% below its record close of 2,930.75 from September 20, 2018, in correction territory."))
        #expect(text(90.0 / 100 - 1).contains("SPX stands 10.0% below its record close of 2,930.75 from September 20, 2018, in correction territory."))
    }

    /// An editor's review: "Its last record run … ended in December 1968 and lasted six sessions."
    /// of a six-session run, and "today's peak was 256.85, and the close, 256.85, was a record too".
    @Test func aRecordRunSaysNeitherALengthNorAPriceTwice() throws {
        let analysis = try Self.analysis.get()
        var sameLength = 0, atPeak = 0
        for date in analysis.sessions where date.year >= 1995 && date.year <= 1999 {
            let facts = analysis.facts(on: date)
            guard let spx = facts.series("SPX"), spx.sessionDate == date, spx.intradayRecord.isRecord else { continue }
            let text = NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
            let streak = spx.intradayRecord.streak
            if let last = streak.lastTime, last.length == streak.length, text.contains("Its last record run") {
                #expect(!text.contains("and lasted"), "\(date): \(text)")
                sameLength += 1
            }
            if spx.closingRecord.isRecord, NumberStyle.price(spx.close) == NumberStyle.price(spx.intradayRecord.level) {
                #expect(text.contains("closed there, a record close too") && !text.contains("the close, \(NumberStyle.price(spx.close))"),
                        "\(date): \(text)")
                atPeak += 1
            }
        }
        #expect(sameLength > 0 && atPeak > 0, "same length \(sameLength), at the peak \(atPeak)")
    }

    /// A distance one decimal would print as a yardstick gets two, on either side of it: "20.0%
    /// below …, past the 20% mark" read as if at the line (an editor's review).
    @Test func aDistanceThatPrintsAsAYardstickGetsTwoDecimalsOnEitherSide() {
        #expect([-0.2004, -0.1996, -0.1004, -0.0996].allSatisfy(LevelStatements.roundsOntoAYardstick))
        #expect(![-0.2, -0.2006, -0.1994, -0.1, -0.15].contains(where: LevelStatements.roundsOntoAYardstick))
    }

    /// "On the day, IXIC rose 0.8% and SPX rose 0.8%" (456 real notes): moves that print alike are
    /// told once.
    @Test func movesThatPrintAlikeAreToldOnce() throws {
        let (facts, _, text) = try note("1999-03-10")
        let printed = facts.series.compactMap { $0.returnValue(.oneDay) }.map { NumberStyle.percent($0) }
        try #require(Set(printed).count == 1 && printed.count == 2, "\(printed)")
        #expect(text.contains("IXIC and SPX both rose \(printed[0].dropFirst())"), "\(text)")
    }

    /// The flash crash of May 6, 2010 read only "SPX fell 3.2%": the S&P 500 had been 9.2% below
    /// the close before during the session. A swing of 5% or more that the close gave back a
    /// third of is told; a day that closed at its extreme is not told twice.
    @Test func aSessionThatSwungFarIntradayIsToldSo() throws {
        let (facts, _, text) = try note("2010-05-06")
        let spx = try #require(facts.series("SPX"))
        #expect(abs(try #require(spx.intradayLow) - (1065.790039 / 1165.869995 - 1)) < 1e-9)
        #expect(text.contains("SPX had been down as much as 8.6% during the session."), "\(text)")
        let (_, _, crash) = try note("1987-10-19")
        #expect(!crash.contains("as much as"), "\(crash)")
    }

    /// December 27, 2018 read only "SPX rose 0.9%" under "The S&P 500 rises 0.9%": the S&P 500 had
    /// been 2.8% down during the session. A swing of 2.5% or more that the close turned around is
    /// told, and headlines a day without other news; one the close only pared is not.
    @Test func aSessionThatTurnedAroundIsToldSo() throws {
        let (_, turnedNote, turned) = try note("2018-12-27")
        #expect(turnedNote.headline == "The S&P 500 recovers from a 2.8% drop to close up 0.9%")
        #expect(turned.contains("SPX had been down as much as 2.8% during the session before turning higher."), "\(turned)")
        #expect(turned.contains("IXIC had been down as much as 3.3% during the session before turning higher."), "\(turned)")
        // A day down 4.3% that closed up 4.6% turned around, though its high was the larger side;
        // its low was a 52-week low, told in the same sentence (an editor's review: "SPX touched a
        // 52-week low during the session but closed higher." had stood beside it).
        let (_, _, reversed) = try note("1962-05-29")
        #expect(reversed.contains("SPX had been down as much as 4.3% during the session, to a 52-week low, before turning higher."), "\(reversed)")
        #expect(!reversed.contains("touched a 52-week low"), "\(reversed)")
        let (facts, _, pared) = try note("2018-12-24")
        let spx = try #require(facts.series("SPX"))
        let (low, move) = (try #require(spx.intradayLow), try #require(spx.returnValue(.oneDay)))
        try #require(low <= -0.025 && move < 0, "a swing the close only pared")
        #expect(!pared.contains("as much as"), "\(pared)")
    }

    @Test func aRecordDayLeadsWithTheRecordRun() throws {
        let (facts, narrative, text) = try note("2018-08-29")
        let ixic = try #require(facts.series("IXIC"))
        #expect(ixic.intradayRecord.streak.length == 4)
        #expect(narrative.headline == "Tech stocks set a record high for the fourth session running"
            || narrative.headline == "Tech stocks extend their record run to four sessions")
        #expect(text.contains("IXIC set an intraday record high for the fourth straight session")
            || text.contains("IXIC has now set a record intraday high in each of the last four sessions"))
        #expect(text.contains("ended in \(NumberStyle.monthYear(try #require(ixic.intradayRecord.streak.lastTime).end))"))
        #expect(!text.contains("No record, streak or signal"))
    }

    /// What followed a signal is told, with a table of every earlier episode, only when there were
    /// few enough to list; a common signal's base rate stays in the facts. "The last time" is told
    /// only when it was half a year or more before the current run.
    @Test func whatFollowedAndTheLastTimeAreToldOnlyWhenTheyAreNews() throws {
        let analysis = try Self.analysis.get()
        var listable = 0, common = 0, recentLastTimes = 0
        for position in stride(from: 250, to: analysis.sessions.count, by: 37) {
            let facts = analysis.facts(on: analysis.sessions[position])
            let ledger = FigureLedger()
            let narrative = NarrativeWriter().write(facts, figures: ledger)
            let streaks = facts.series.map { ("series.\($0.symbol).intradayRecord.streak", $0.intradayRecord.streak) }
                + facts.comparisons.map { ("comparisons.\($0.leader)-\($0.benchmark).leaderStreak", $0.leaderStreak) }
            for (source, streak) in streaks {
                guard let last = streak.lastTime, let start = streak.start,
                      start.dayNumber - last.end.dayNumber < 182 else { continue }
                recentLastTimes += 1
                #expect(!ledger.figures.contains { $0.source == source + ".lastTime.end" }, "\(facts.date) \(source)")
            }
            for (source, streak) in streaks where (streak.outcomes?.horizons.map(\.count).max() ?? 0) > SignalOutcomes.listedEpisodes {
                #expect(!ledger.figures.contains { $0.source.hasPrefix(source + ".outcomes") }, "\(facts.date) \(source)")
            }
            let outcomes = facts.series.compactMap(\.intradayRecord.streak.outcomes)
                + facts.comparisons.compactMap(\.leaderStreak.outcomes)
            let counts = outcomes.map { $0.horizons.map(\.count).max() ?? 0 }
            let tables = narrative.statements.flatMap(\.blocks).filter { $0.hasPrefix("Table: What followed") }
            for table in tables {
                // A row per signal date of any horizon: horizons skip re-fires over different spans.
                let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.contains("---") }.count - 1
                let fits = outcomes.contains { outcome in
                    let horizonCounts = outcome.horizons.map(\.count)
                    return horizonCounts.allSatisfy { $0 <= SignalOutcomes.listedEpisodes }
                        && horizonCounts.max()! <= rows && rows <= horizonCounts.reduce(0, +)
                }
                #expect(fits, "\(analysis.sessions[position]): a table of \(rows) rows for counts \(counts)")
            }
            #expect(tables.count <= counts.filter { (1...SignalOutcomes.listedEpisodes).contains($0) }.count)
            listable += counts.filter { (1...SignalOutcomes.listedEpisodes).contains($0) }.count
            common += counts.filter { $0 > SignalOutcomes.listedEpisodes }.count
        }
        #expect(listable > 0 && common > 0 && recentLastTimes > 0,
                "the sample of dates should hold every kind: \(listable), \(common), \(recentLastTimes)")
    }

    @Test func aQuietDaySaysSoWithoutDrama() throws {
        let (facts, narrative, text) = try note("2016-03-02")
        #expect(facts.series.allSatisfy { !$0.intradayRecord.isRecord && !$0.closingRecord.isRecord })
        #expect(narrative.isQuiet)
        #expect(["Tech stocks rise 0.3% in a calm session", "Tech stocks gain 0.3% on a quiet day",
                  "Tech stocks add 0.3% in an orderly session"].contains(narrative.headline), "\(narrative.headline)")
        // It opens with what happened, not with what did not ("No record or streak stood out
        // today" had opened 77% of the real notes).
        #expect(["IXIC rose 0.3% and SPX rose 0.4%. ", "By the close, IXIC rose 0.3% and SPX rose 0.4%.",
                  "IXIC rose 0.3% and SPX rose 0.4% in today's session."].contains { text.hasPrefix($0) }, "\(text)")
        #expect(!text.contains("biggest") && !text.contains("highest since") && !text.contains("lowest since"))
    }

    @Test func aFallingMarketReportsTheDropTheLowsAndTheDrawdown() throws {
        let (facts, narrative, text) = try note("2008-10-15")
        let spx = try #require(facts.series("SPX"))
        #expect(spx.largestMoveSince == SessionDate("1987-10-19"))
        #expect(text.contains("SPX fell 9.0%, its biggest one-day drop since October 19, 1987."))
        #expect(text.contains("past the 20% mark that usually defines a bear market"))
        #expect(!narrative.headline.isEmpty)
        #expect(!text.contains("rose 9.0%"))
    }

    /// A headline's "since" names the day when it falls in the note's own month: "the most since
    /// October 1987" headlined the note of October 22, 1987. With no earlier move as large, it names
    /// the year the data begin, and so does the sentence.
    @Test func aBigMoveHeadlineNamesTheDayWhenTheEarlierMoveIsThisMonth() throws {
        let (_, recent, _) = try note("1987-10-22")
        #expect(recent.headline == "The S&P 500 drops 3.9%, the most since Oct. 19", "\(recent.headline)")
        let (_, ever, everText) = try note("1987-10-19")
        // The verb grows with the move (Black Monday had "drops", as a 3.9% fall does).
        #expect(ever.headline == "The S&P 500 plunges 20.5%, the most since the data began in 1950", "\(ever.headline)")
        #expect(everText.contains("SPX fell 20.5%, its biggest one-day drop in this data, which starts in 1950."))
        let (_, older, _) = try note("2008-10-15")
        #expect(older.headline.hasSuffix("the most since October 1987"), "\(older.headline)")
    }

    /// The last session of a month or year tells how it ranks: October 2008 was the S&P 500's
    /// worst month since October 1987, and 2008 its worst year in the data. A month that ranks
    /// nowhere in particular (November 2008, after October) gets no sentence; at a year's end the
    /// year's sentence replaces the year-to-date list. May 2010 ended on Friday the 28th, before
    /// Memorial Day.
    /// No note told a quarter's result: the S&P 500's 15.2% of the second quarter of 2009 was its
    /// best since the fourth quarter of 1998. A quarter that ranks leads its month's rank.
    @Test func aQuarterEndTellsHowItRanks() throws {
        let (_, june, text) = try note("2009-06-30")
        #expect(text.contains("SPX rose 15.2% in the second quarter, its best quarter since the fourth quarter of 1998."), "\(text)")
        #expect(june.statements.compactMap(\.headline).contains("The S&P 500 posts its best quarter since Q4 1998"))
        // A year's end tells the year, not its fourth quarter.
        let (_, _, yearText) = try note("2008-12-31")
        #expect(!yearText.contains("best quarter") && !yearText.contains("worst quarter"), "\(yearText)")
        // A quarter that ranks nowhere in particular is not told (2017-06-30: up 2.6%).
        let (_, _, plain) = try note("2017-06-30")
        #expect(!plain.contains("best quarter") && !plain.contains("worst quarter"), "\(plain)")
    }

    @Test func aMonthOrYearEndTellsHowItRanks() throws {
        let (_, october, octoberText) = try note("2008-10-31")
        #expect(octoberText.contains("SPX fell 16.9% in October, its worst month since October 1987."), "\(octoberText)")
        #expect(octoberText.contains("IXIC fell 17.7% in October, its worst month since February 2001."))
        #expect(october.headline == "The S&P 500 posts its worst month since October 1987", "\(october.headline)")
        let (_, _, novemberText) = try note("2008-11-28")
        #expect(!novemberText.contains("in November"))
        let (_, year, yearText) = try note("2008-12-31")
        #expect(year.headline == "The S&P 500 ends 2008 down 38.5%, its worst year in data back to 1950", "\(year.headline)")
        #expect(yearText.contains("SPX ended 2008 down 38.5%, its worst year in this data, which starts in 1950."))
        #expect(yearText.contains("IXIC ended 2008 down 40.5%, its worst year in this data, which starts in 1999."))
        #expect(!yearText.contains("Year to date"))
        let (_, may, mayText) = try note("2010-05-28")
        #expect(mayText.contains("SPX fell 8.2% in May, its worst month since February 2009."), "\(mayText)")
        #expect(may.headline == "The S&P 500 posts its worst month since February 2009", "\(may.headline)")
        // A year of −0.003% is flat, not "down 0.0%, its worst year since 2008"; the NASDAQ's
        // −1.8% takes the headline, and the gap stands alone.
        let (_, flat, flatText) = try note("2011-12-30")
        #expect(flat.headline == "Tech stocks end 2011 down 1.8%, their worst year since 2008", "\(flat.headline)")
        #expect(flatText.contains("In 2011, SPX was little changed."), "\(flatText)")
        #expect(flatText.contains("Over 2011, IXIC finished 1.8% behind SPX in relative terms."))
        #expect(flatText.contains("On the day, IXIC fell 0.3% and SPX fell 0.4%."))
        // A month's or year's result takes the headline from a quiet session only: a record run
        // keeps it (1965-01-29 had read "The S&P 500 posts its best month since August 1963").
        let (_, recordMonth, _) = try note("1965-01-29")
        #expect(recordMonth.headline == "The S&P 500 sets a record high for the fifth session running"
                    || recordMonth.headline == "The S&P 500 extends its record run to five sessions", "\(recordMonth.headline)")
        // Nor from a big move: September 2008 ranks above the day's 5.4% gain, which still leads.
        let (_, bigMove, bigMoveText) = try note("2008-09-30")
        #expect(bigMove.headline == "The S&P 500 soars 5.4%, the most since July 2002", "\(bigMove.headline)")
        #expect(bigMoveText.contains("SPX fell 9.1% in September, its worst month since September 2002."))
        let (_, _, plainYear) = try note("2018-12-31")
        // December ends its month as well as its year: its rank is told with the year's.
        #expect(plainYear.contains("SPX ended 2018 down 6.2%, its worst year since 2008. In December alone, SPX fell 9.2%, its worst month since February 2009."),
                "\(plainYear)")
        // Of a plural short name ("tech stocks"), the sentence about IXIC still says "its"; "its"
        // follows the series, not December ("December alone saw a 9.2% fall, its worst month").
        #expect(plainYear.contains("In December alone, IXIC fell 9.5%, its worst month since November 2008."), "\(plainYear)")
        #expect(plainYear.contains("SPX ended 2018 down 6.2%, its worst year since 2008."), "\(plainYear)")
    }

    /// On a year's first session the year to date is the day's move: 2000-01-03 had told "On the
    /// day, IXIC rose 1.5% …" and then "Year to date, IXIC is up 1.5% …", with the gap between them.
    @Test func theYearsFirstSessionDoesNotTellTheDayTwice() throws {
        let (_, _, first) = try note("2000-01-03")
        #expect(!first.contains("Year to date") && !first.contains("this year in relative terms"), "\(first)")
        let (_, _, second) = try note("2000-01-04")
        #expect(second.contains("Year to date, IXIC is "), "\(second)")
    }

    /// In a series' first year its "record close" may be its first session, so a drawdown from it
    /// is not told, as records are not (NASDAQ data start in 1999).
    @Test func aDrawdownInASeriesFirstYearOfDataIsNotTold() throws {
        let analysis = try Self.analysis.get()
        var firstYear = 0
        for date in analysis.sessions where date.description.hasPrefix("1999") {
            let facts = analysis.facts(on: date)
            let ixic = try #require(facts.series("IXIC"))
            guard ixic.drawdown <= -0.10, ixic.historyStart.years(until: date) < 1 else { continue }
            let narrative = NarrativeWriter().write(facts, figures: FigureLedger())
            #expect(!narrative.statements.flatMap(\.plain).joined().contains("IXIC is \(NumberStyle.percent(abs(ixic.drawdown), signed: false)) below"), "\(date)")
            #expect(!narrative.statements.contains { $0.topics.contains("drawdown") && $0.plain.joined().contains("IXIC") }, "\(date)")
            firstYear += 1
        }
        #expect(firstYear > 0)
    }

    @Test func seriesInTheSameBearMarketOrCorrectionShareOneSentenceThatStatesTheYardstickOnce() throws {
        for (date, kind, threshold, word) in [("2001-03-22", "bear-market", 0.20, "bear"), ("2018-12-07", "correction", 0.10, "correction")] {
            let (facts, narrative, text) = try note(date)
            let spx = try #require(facts.series("SPX")), ixic = try #require(facts.series("IXIC"))
            #expect(spx.drawdown <= -threshold && ixic.drawdown <= -threshold, "\(date)")
            let drawdowns = narrative.statements.filter { $0.topics.contains("drawdown") }
            #expect(drawdowns.count == 1, "\(date)")
            let sentence = try #require(drawdowns.first?.plain.first)
            #expect(sentence.hasPrefix("IXIC and SPX are both in \(kind) territory, \(Int(threshold * 100))% or more below their record closes: "),
                    "\(sentence)")
            for series in [ixic, spx] {
                #expect(sentence.contains("\(series.symbol) is \(NumberStyle.percent(abs(series.drawdown), signed: false)) below its record "
                    + "close of \(NumberStyle.price(series.recordClose)) from \(NumberStyle.longDate(series.recordCloseDate))"), "\(sentence)")
            }
            #expect(text.components(separatedBy: word).count == 2, "\(date): '\(word)' once")
        }
        // Only one series in a bear market keeps its own sentence (2008: the NASDAQ's record was 8 years old).
        let (_, lone, loneText) = try note("2008-10-15")
        #expect(lone.statements.filter { $0.topics.contains("drawdown") }.count == 2)
        #expect(loneText.contains("past the 20% mark that usually defines a bear market"))
    }

    @Test func aNewStreakCountsItsSessions() throws {
        let (facts, narrative, text) = try note("2016-03-04")
        #expect(try #require(facts.comparisons.first).benchmarkStreak.length == 3)
        #expect(text.contains("SPX has beaten IXIC in each of the last three sessions."))
        // A run that comes more than about three times a year is told under the day's own
        // headline: 513 real notes were headlined with a 3rd straight session.
        #expect(["Tech stocks rise 0.2% in a calm session", "Tech stocks gain 0.2% on a quiet day",
                 "Tech stocks add 0.2% in an orderly session"].contains(narrative.headline), "\(narrative.headline)")
        let (rarer, rarerNarrative, _) = try note("1999-08-31")
        #expect(try #require(rarer.comparisons.first).leaderStreak.length == 8)
        #expect(rarerNarrative.headline == "Tech stocks outrun the S&P 500 for the eighth straight session")
        let (_, bothFell, _) = try note("1999-08-30")
        #expect(bothFell.headline == "Tech stocks beat the S&P 500 for the seventh straight session as both fall")
        // On 2000-04-12 the S&P 500 fell 2.2% and the NASDAQ 7.1%: it fell less, it did not outrun
        // or beat; the day the NASDAQ entered its first bear market in this data has the headline.
        let (falling, fallingNarrative, fallingText) = try note("2000-04-12")
        #expect(try #require(falling.series("SPX")?.returnValue(.oneDay)) < 0)
        #expect(fallingNarrative.headline == "Tech stocks enter a bear market, 25.3% below their record")
        // Nor did it "beat" the NASDAQ in the body, on a day both fell.
        #expect(fallingText.contains("SPX has fared better than IXIC in each of the last three sessions, today by falling less."), "\(fallingText)")
        #expect(!fallingText.contains("has beaten"))
        #expect(fallingText.contains("past the 20% mark that usually defines a bear market, for the first time in data back to 1999."))
    }

    /// The NASDAQ's 5.8% gain of December 26, 2018 was its largest since March 2009, but gains
    /// that large were common in 2000–2002: it was told as "On the day, IXIC rose 5.8%." A move
    /// that is the largest in more than a year is told with how far back it reaches.
    @Test func aMoveThatIsTheLargestInOverAYearIsToldSo() throws {
        let (facts, narrative, text) = try note("2018-12-26")
        #expect(try #require(facts.series("IXIC")).dailyMoveRarity.score < 0)
        // Both indexes reach back to the same day, so they share the sentence.
        #expect(text.contains("IXIC and SPX both posted their biggest one-day gains since March 23, 2009: IXIC rose 5.8% and SPX rose 5.0%."),
                "\(text)")
        #expect(text.components(separatedBy: "since March 23, 2009").count == 2)
        #expect(!text.contains("On the day, IXIC rose 5.8%"))
        #expect(narrative.headline == "The S&P 500 soars 5.0%, the most since March 2009")
        let (_, february, _) = try note("2018-02-05")
        #expect(february.headline == "The S&P 500 drops 4.1%, the most since August 2011")
    }

    /// December 19 and 20, 2018 both closed the S&P 500 at its lowest since September 2017, and
    /// the two notes had one subject line: a run of such closes rotates its wording.
    @Test func consecutiveLowestClosesDoNotShareASubjectLine() throws {
        let (_, first, _) = try note("2018-12-19")
        let (_, second, _) = try note("2018-12-20")
        #expect(first.headline.hasSuffix("since September 2017") && second.headline.hasSuffix("since September 2017"))
        #expect(first.headline != second.headline, "\(first.headline)")
    }

    /// The NASDAQ closed 21.9% below its record on December 21, 2018, its first bear market by
    /// that measure since April 2000: the day it crosses the line is news, and headlines the
    /// note; the days after it are in bear-market territory, which is context. It had been 78%
    /// below its record in 2002, so the sentence does not say "for the first time since April
    /// 2000" (the numbers audit): it was the first fall that far from a record since then.
    @Test func theDayASeriesEntersABearMarketHeadlinesTheNote() throws {
        let (facts, narrative, text) = try note("2018-12-21")
        let entry = try #require(facts.series("IXIC")?.drawdownEntry)
        #expect(entry.threshold == -0.2 && entry.previous == SessionDate("2000-04-12") && entry.rarity.earlierOccurrences == 1)
        #expect(narrative.headline == "Tech stocks enter a bear market, 21.9% below their record")
        #expect(text.contains("IXIC closed 21.9% below its record close of 8,109.69 from August 29, 2018, past the 20% mark "
            + "that usually defines a bear market, its first fall that far from a record since April 2000."))
        let (after, afterNarrative, _) = try note("2018-12-24")
        #expect(after.series("IXIC")?.drawdownEntry == nil)
        #expect(!afterNarrative.headline.contains("bear market"))
    }

    @Test func aBrokenStreakIsReportedAndTheDayIsNotCalledQuiet() throws {
        let (facts, narrative, text) = try note("2016-03-09")
        #expect(try #require(facts.comparisons.first).benchmarkStreak.brokenLength == 5)
        #expect(text.contains("SPX's run of five sessions ahead of IXIC ended today."))
        #expect(narrative.headline == "The S&P 500's five-session run ahead of tech stocks ends")
        #expect(!text.contains("No record, streak or signal"))
    }

    @Test func missingOrStaleMacroDataIsLeftOutRatherThanPresentedAsNews() throws {
        let (late, _, lateText) = try note("2018-12-31")
        #expect(try #require(late.macro.first).isStale)
        #expect(!lateText.contains("GDP"))
        let (early, _, earlyText) = try note("1955-06-01")
        #expect(early.macro.isEmpty)
        #expect(!earlyText.contains("GDP"))
    }

    /// A macro name configured with its article, as breadth names are, read "The the
    /// unemployment rate for the third quarter of 2009 stands at 9.6%".
    @Test func aMacroNameWithItsArticleIsNotGivenASecondOne() throws {
        var facts = try Self.analysis.get().facts(on: SessionDate("2009-11-02")!)
        #expect(NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain)
            .contains { $0.hasPrefix("The real GDP growth for the third quarter of 2009 stands at 2.8%") })
        facts.macro[0].name = "the unemployment rate"
        let text = NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
        #expect(text.contains("The unemployment rate for the third quarter of 2009 stands at 2.8%"))
        #expect(!text.lowercased().contains("the the "))
    }

    /// The edge-case audit: "stands at 0.0%, unchanged from the third quarter" for −0.04 after
    /// 0.0, and "0.1%, unchanged" for 0.15 after 0.05. Equal readings are unchanged; readings that
    /// print alike but differ are little changed; 0.15 prints 0.2%, up from 0.1%.
    @Test func onlyEqualMacroReadingsAreUnchanged() throws {
        var facts = try Self.analysis.get().facts(on: SessionDate("2009-11-02")!)
        func sentence(_ value: Double, after previous: Double) throws -> String {
            facts.macro[0].value = value
            facts.macro[0].previous?.value = previous
            (facts.macro[0].highest, facts.macro[0].lowest) = (nil, nil)
            let plain = NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain)
            return try #require(plain.first { $0.hasPrefix("The real GDP growth for the third quarter of 2009") })
        }
        #expect(try sentence(-0.04, after: 0.0) == "The real GDP growth for the third quarter of 2009 stands at 0.0%, little changed from the second quarter of 2009.")
        #expect(try sentence(0.15, after: 0.05) == "The real GDP growth for the third quarter of 2009 stands at 0.2%, up from 0.1% for the second quarter of 2009.")
        #expect(try sentence(2.0, after: 2.0) == "The real GDP growth for the third quarter of 2009 stands at 2.0%, unchanged from the second quarter of 2009.")
    }

    /// A day's move of exactly −0.05% (1999 after 2000) prints as −0.1% in the returns table; it
    /// is told so, not as "little changed" beside it. A move that prints 0.0% is little changed.
    @Test func aMoveIsLittleChangedOnlyWhenItPrintsAsZero() {
        #expect(!MoveStatements.isFlat(1999.0 / 2000 - 1))
        #expect(!MoveStatements.isFlat(2001.0 / 2000 - 1))
        #expect(MoveStatements.isFlat(1999.02 / 2000 - 1))
        #expect(MoveStatements.isFlat(0))
    }

    /// An editor's review: the note of the data's first session had the headline "Market note for
    /// January 3, 1950" and nothing under it.
    @Test func theDatasFirstSessionIsToldAsSuch() throws {
        let (_, narrative, text) = try note("1950-01-03")
        #expect(narrative.headline == "The S&P 500 closes at 16.66 on its first session in the data")
        #expect(text == "SPX closed at 16.66, its first session in this data; its returns begin with the next.")
    }

    /// An editor's review: the first session after the exchange closed for September 11, 2001 and
    /// for Hurricane Sandy told the day's moves as one session's. A one-day holiday is not told.
    @Test func aSessionAfterAClosureOfTheMarketSaysSo() throws {
        #expect(try note("2001-09-17").text.contains(
            "Trading resumed after four weekdays without a session: the day's moves are measured from the close of September 10, 2001."))
        #expect(try note("2012-10-31").text.contains("Trading resumed after two weekdays without a session"))
        #expect(try !note("2018-04-02").text.contains("Trading resumed"))
        #expect(try !note("2018-12-26").text.contains("Trading resumed"))
    }

    /// Two sessions missing from the files are no closure of the market: the build warns about the
    /// gap, and the note does not say trading resumed.
    @Test func sessionsMissingFromTheFilesAreNotToldAsAClosure() throws {
        var inputs = try Fixtures.realProject()
        inputs.prices = inputs.prices.map { series in
            let kept = series.dates.indices.filter { !["2018-12-17", "2018-12-18"].contains(series.dates[$0].description) }
            return PriceSeries(symbol: series.symbol, dates: kept.map { series.dates[$0] }, open: kept.map { series.open[$0] },
                               high: kept.map { series.high[$0] }, low: kept.map { series.low[$0] }, close: kept.map { series.close[$0] })
        }
        let facts = HistoryAnalysis(inputs: inputs).facts(on: SessionDate("2018-12-19")!)
        #expect(facts.series("SPX")?.returns.first?.baseDate == SessionDate("2018-12-14"))
        let text = NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
        #expect(!text.contains("Trading resumed"), "\(text)")
    }

    /// The numbers audit: the seventh straight record close of 1964-10-12, under an older intraday
    /// peak, read "SPX closed at a record 85.24, above the previous record close of 85.22." under
    /// "The S&P 500 reaches a record high". A run of record closes is told as one, and a record
    /// close is not a "record high" (the day's peak).
    @Test func aRunOfRecordClosesUnderAnOlderPeakIsToldAsARun() throws {
        let (facts, narrative, text) = try note("1964-10-12")
        let spx = try #require(facts.series("SPX"))
        #expect(!spx.intradayRecord.isRecord && spx.closingRecord.streak.length == 7)
        #expect(["SPX closed at a record for the seventh straight session, at 85.24.",
                 "SPX has now closed at a record in each of the last seven sessions, today at 85.24."].contains { text.contains($0) }, "\(text)")
        #expect(["The S&P 500 closes at a record for the seventh straight session",
                 "The S&P 500 extends its run of record closes to seven sessions"].contains(narrative.headline), "\(narrative.headline)")
    }

    /// An editor's review: "IXIC has fared better than SPX in each of the last … sessions, today by
    /// falling less." beside "IXIC and SPX both fell 3.0%.": two falls that print alike are told to
    /// two decimals.
    @Test func fallingLessIsShownWhenTheTwoFallsPrintAlike() throws {
        let (facts, _, text) = try note("2000-02-18")
        let moves = try ["IXIC", "SPX"].map { try #require(facts.series($0)?.returnValue(.oneDay)) }
        #expect(NumberStyle.percent(moves[0]) == NumberStyle.percent(moves[1]))
        let told = moves.map { NumberStyle.percent(abs($0), decimals: 2, signed: false) }
        #expect(text.contains("today by falling less (\(told[0]) against \(told[1]))."), "\(text)")
    }

    /// The numbers audit: "Unemployment rate at its strongest since Q4 1961" headlined a rise in
    /// joblessness. A reading is the highest or the lowest, which reads right whichever way is good.
    @Test func aMacroHeadlineSaysHighestOrLowestNotStrongestOrWeakest() throws {
        let (_, narrative, _) = try note("2000-10-31")
        #expect(narrative.headline == "Real GDP growth at its lowest since Q1 1991", "\(narrative.headline)")
    }

    /// The numbers audit: "before that" was left out when the fourth quarter of 1987 came a year
    /// before that of 1988, since the end of one to the start of the other is nine months.
    @Test func aReadingTheSameQuarterAYearEarlierIsAYearApart() throws {
        let (_, _, text) = try note("1994-01-31")
        #expect(text.contains("the highest reading since the fourth quarter of 1988"), "\(text)")
        #expect(text.contains("Before the fourth quarter of 1988, a reading that high last came in the fourth quarter of 1987."), "\(text)")
    }

    /// The numbers audit: the runs that did not gain were recorded as the hits
    /// (`"text": "one", "source": "….horizons.63.hits", "value": 1` where the hits were 5).
    @Test func theLedgerNamesHitsAndMissesByWhatTheyCount() throws {
        let facts = try Self.analysis.get().facts(on: SessionDate("1983-04-18")!)
        let figures = FigureLedger()
        _ = NarrativeWriter().write(facts, figures: figures)
        let horizons = try #require(facts.series("SPX")?.intradayRecord.streak.outcomes).horizons
        let counted = figures.figures.filter { $0.source.hasSuffix(".hits") || $0.source.hasSuffix(".misses") }
        #expect(!counted.isEmpty)
        for figure in counted {
            let horizon = try #require(horizons.first { figure.source.contains(".horizons.\($0.sessions).") })
            let expected = figure.source.hasSuffix(".hits") ? horizon.hits : horizon.count - horizon.hits
            #expect(figure.value == Double(expected), "\(figure)")
        }
    }

    @Test func noteSentencesStateOnlyNumbersTheLedgerRecorded() throws {
        for date in ["2018-08-29", "2016-03-02", "2008-10-15", "2016-03-04", "2016-03-09", "2000-03-10"] {
            let facts = try Self.analysis.get().facts(on: SessionDate(date)!)
            let figures = FigureLedger()
            let narrative = NarrativeWriter().write(facts, figures: figures)
            // Figures, and names the facts carry ("S&P 500").
            let printed = Set(figures.figures.map(\.text) + facts.series.flatMap { [$0.name, $0.shortName] })
            for sentence in narrative.statements.flatMap(\.plain) {
                for token in NumberTokens.in(sentence) {
                    #expect(printed.contains { $0.contains(token) }, "\(date): '\(token)' in '\(sentence)'")
                }
            }
        }
    }
}
