/// Makes the final sessions a clean run of intraday records: trims the year-end wick below the prior high and lifts each later high above the running maximum.
struct RecordHighShaper {
    /// Index in the bars of the first session that must set a record.
    let streakStart: Int
    var random: RandomStream

    mutating func apply(to bars: inout [DailyBar]) throws {
        let yearEnd = streakStart - 1
        guard yearEnd > 0 else { throw SampleGenerationError(description: "record streak needs earlier sessions") }
        let previousHigh = bars[..<yearEnd].map(\.high).max() ?? 0
        try trimHigh(of: &bars[yearEnd], below: previousHigh)
        var runningHigh = previousHigh
        for index in streakStart..<bars.count {
            if bars[index].high <= runningHigh {
                let step = Int((Double(runningHigh) * random.uniform(in: 0.0005...0.002)).rounded())
                bars[index].high = runningHigh + max(1, step)
            }
            runningHigh = bars[index].high
        }
    }

    private func trimHigh(of bar: inout DailyBar, below ceiling: Int) throws {
        let body = max(bar.open, bar.close)
        guard body < ceiling else {
            throw SampleGenerationError(description: "\(bar.date) opens or closes at a record, so it cannot break the streak")
        }
        bar.high = max(body, min(bar.high, ceiling - 5))
    }
}
