import MarketData

/// The sessions two series share, as index pairs in date order (a merge of two sorted date lists).
public struct SessionAlignment: Sendable {
    public let leaderIndex: [Int32]
    public let benchmarkIndex: [Int32]
    public let dates: [SessionDate]

    public init(_ leader: [SessionDate], _ benchmark: [SessionDate]) {
        var a = 0, b = 0
        var leaderIndex: [Int32] = [], benchmarkIndex: [Int32] = [], dates: [SessionDate] = []
        leaderIndex.reserveCapacity(min(leader.count, benchmark.count))
        benchmarkIndex.reserveCapacity(min(leader.count, benchmark.count))
        while a < leader.count && b < benchmark.count {
            if leader[a] < benchmark[b] {
                a += 1
            } else if leader[a] > benchmark[b] {
                b += 1
            } else {
                leaderIndex.append(Int32(a))
                benchmarkIndex.append(Int32(b))
                dates.append(leader[a])
                a += 1
                b += 1
            }
        }
        self.leaderIndex = leaderIndex
        self.benchmarkIndex = benchmarkIndex
        self.dates = dates
    }

    public var count: Int { dates.count }

    /// The last common session on or before `date`.
    public func position(onOrBefore date: SessionDate) -> Int? { dates.lastIndex(onOrBefore: date) }

    /// The first common session on or after `date`.
    public func position(onOrAfter date: SessionDate) -> Int? { dates.firstIndex(onOrAfter: date) }
}
