import Analytics
import MarketData
import Testing
import TestSupport

@Suite struct RunHistoryTests {
    @Test func streakCountsConsecutiveTrueValuesEndingAtEachPosition() {
        let history = RunHistory([true, true, false, true, true, true])
        #expect(history.length == [1, 2, 0, 1, 2, 3])
    }

    @Test func lastTimeIsTheLatestEarlierRunReachingTheCurrentLength() {
        // Runs: [0-2] length 3, [4] length 1, [6-7] length 2, then the current run from 9.
        let history = RunHistory([true, true, true, false, true, false, true, true, false, true, true, true])
        #expect(history.lastEarlierRun(at: 9) == Run(start: 6, end: 7))   // length 1: latest earlier run
        #expect(history.lastEarlierRun(at: 10) == Run(start: 6, end: 7))  // length 2: [6-7] reached 2
        #expect(history.lastEarlierRun(at: 11) == Run(start: 0, end: 2))  // length 3: only [0-2]
        #expect(history.earlierRunsAtLeast[9] == 3)
        #expect(history.earlierRunsAtLeast[10] == 2)
        #expect(history.earlierRunsAtLeast[11] == 1)
    }

    @Test func aStreakStillRunningIsNotItsOwnLastTime() {
        let history = RunHistory([true, true, true, true])
        #expect(history.lastEarlierRun(at: 3) == nil)
        #expect(history.earlierRunsAtLeast[3] == 0)
        #expect(history.currentRun(at: 3) == Run(start: 0, end: 3))
    }

    @Test func longerEarlierRunCountsAsReachingEveryShorterLength() {
        let history = RunHistory([true, true, true, true, true, false, true])
        #expect(history.lastEarlierRun(at: 6) == Run(start: 0, end: 4))
    }

    /// An audit: a record run that began on the data's second session was told "lasted 129
    /// sessions"; it may have begun before the data, so its length is a lower bound.
    @Test func aRunFromTheFirstPositionJudgedMayHaveBegunBeforeTheData() {
        // Judged from position 1 (a record needs an earlier session): [1-3], [5-6], then [8-12].
        let history = RunHistory([false, true, true, true, false, true, true, false, true, true, true, true, true], judgedFrom: 1)
        #expect(history.opensTheData(history.runs[0]) && !history.opensTheData(history.runs[1]))
        // Length 4 at 11: no earlier run reached it, but the opening run may have.
        #expect(history.lastEarlierRun(at: 11) == nil)
        #expect(history.openingRunPossiblyAsLong(at: 11) == Run(start: 1, end: 3))
        // Length 3 at 10: the opening run reached it; length 2 at 9: the later run [5-6] did.
        #expect(history.openingRunPossiblyAsLong(at: 10) == nil && history.lastEarlierRun(at: 10) == Run(start: 1, end: 3))
        #expect(history.openingRunPossiblyAsLong(at: 9) == nil && history.lastEarlierRun(at: 9) == Run(start: 5, end: 6))
        #expect(history.openingRunPossiblyAsLong(at: 2) == nil)
    }

    @Test func firingsAreTheSessionsOnWhichRunsReachedEachLength() {
        let history = RunHistory([true, true, false, true, false, true, true, true, false, true, true])
        #expect(history.firingsByLength(from: 2) == [[1, 6, 10], [7]])
        #expect(history.firingsByLength(from: 4) == [])
    }
}

@Suite struct PreviousAtLeastIndexTests {
    @Test func findsTheLatestEarlierPositionAtLeastTheThreshold() {
        let index = PreviousAtLeastIndex([5, 9, 6, 7, 3])
        #expect(index.latest(before: 4, atLeast: 5) == 3)
        #expect(index.latest(before: 3, atLeast: 6.5) == 1)
        #expect(index.latest(before: 4, atLeast: 10) == nil)
        #expect(index.latest(before: 0, atLeast: 0) == nil)
    }

    @Test func equalValuesCountAsAtLeast() {
        let index = PreviousAtLeastIndex([4, 4, 4])
        #expect(index.latest(before: 2, atLeast: 4) == 1)
    }

    @Test func missingPositionsAreNeverAnswers() {
        let index = PreviousAtLeastIndex([8, nil, 2])
        #expect(index.latest(before: 3, atLeast: 1) == 2)
        #expect(index.latest(before: 2, atLeast: 1) == 0)
    }
}

@Suite struct EarlierCountIndexTests {
    @Test func countsEarlierValuesAtLeastTheCurrentOne() {
        let counts = EarlierCountIndex([3, 1, 3, 5, nil, 2]).atLeast
        #expect(counts == [0, 1, 1, 0, 0, 3])
    }

    /// Against a quadratic count, on histories with many ties and gaps (values drawn from a few
    /// levels, so equal values meet often) and on small integers.
    @Test func matchesCountingEveryEarlierValueOnHistoriesWithTiesAndGaps() {
        var random = RandomMarket(seed: 7)
        for length in [0, 1, 2, 17, 400] {
            for levels in [1, 3, 50] {
                let values: [Double?] = (0..<length).map { _ in
                    random.int(0...6) == 0 ? nil : Double(random.int(0...(levels - 1))) / 4 - 2
                }
                let expected = values.indices.map { t -> Int32 in
                    guard let value = values[t] else { return 0 }
                    return Int32(values[..<t].count { $0.map { $0 >= value } ?? false })
                }
                #expect(EarlierCountIndex(values).atLeast == expected, "length \(length), levels \(levels)")
                let integers = values.map { $0.map { Int(($0 + 2) * 4) } ?? 0 }
                #expect(EarlierCountIndex(integers: integers).atLeast == EarlierCountIndex(integers.map(Double.init)).atLeast)
            }
        }
    }
}

@Suite struct SessionUnionTests {
    static func dates(_ days: [Int]) -> [SessionDate] { days.map { SessionDate(year: 2025, month: 1, day: 1)!.adding(days: $0) } }

    @Test func unionOfTwoSeriesDatesIsAscendingWithEachDateOnce() {
        #expect([SessionDate].union([Self.dates([1, 2, 5, 9]), Self.dates([0, 2, 3, 9, 12])]) == Self.dates([0, 1, 2, 3, 5, 9, 12]))
        #expect([SessionDate].union([[], Self.dates([4])]) == Self.dates([4]))
        #expect([SessionDate].union([Self.dates([4, 6]), []]) == Self.dates([4, 6]))
    }
}
