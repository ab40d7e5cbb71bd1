import Analytics
import MarketData
import Testing
import TestSupport

/// One forward pass serves every date: the facts of a date read off the whole history equal the
/// facts computed from the data as it stood on that date, so nothing looks into the future.
@Suite struct OnePassPropertyTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func factsFromTheWholeHistoryEqualFactsFromTheHistoryUpToTheDate(seed: UInt64) {
        var random = RandomMarket(seed: seed)
        let inputs = random.project(sessions: 500 + random.int(0...300))
        let full = HistoryAnalysis(inputs: inputs)
        for _ in 0..<12 {
            let date = full.sessions[random.int(0...(full.sessions.count - 1))]
            let alone = HistoryAnalysis(inputs: inputs.truncated(through: date))
            let expected = alone.facts(on: date)
            let actual = full.facts(on: date)
            #expect(actual == expected, "seed \(seed), \(date)")
        }
    }

    @Test func randomHistoriesExerciseTheEdgeCases() {
        // The generator must produce what the property is meant to cover, or the test proves little.
        var random = RandomMarket(seed: 1)
        let full = HistoryAnalysis(inputs: random.project(sessions: 800))
        let pair = full.comparisons[0]
        #expect(pair.leader.series.dates.first! > pair.benchmark.series.dates.first!)
        #expect(pair.alignment.count < pair.leader.series.count)
        #expect(pair.leaderBeats.runs.map(\.length).max()! >= 4)
        #expect(full.series[0].intradayRecords.runs.count > 3)
    }
}
