import MarketData

/// Counts, in a forward pass, how many earlier values are at least the current one: a Fenwick
/// tree over the ranks of all values, O(log N) per position.
public struct EarlierCountIndex: Sendable {
    /// Per position: how many earlier (non-nil) values were ≥ this one; 0 where the value is nil.
    public let atLeast: [Int32]

    /// For small non-negative integers (reaches, lengths): the Fenwick tree is indexed by value,
    /// with no sort.
    public init(integers values: [Int]) {
        var counter = FenwickCounter(ranks: (values.max() ?? 0) + 1)
        var result = [Int32](repeating: 0, count: values.count)
        for (t, value) in values.enumerated() {
            result[t] = Int32(t) - counter.count(below: value + 1)
            counter.add(rank: value + 1)
        }
        atLeast = result
    }

    public init(_ values: [Double?]) {
        let ranks = Self.ranks(values)
        var counter = FenwickCounter(ranks: values.count)
        var inserted: Int32 = 0
        var result = [Int32](repeating: 0, count: values.count)
        for (t, rank) in ranks.enumerated() where rank > 0 {
            result[t] = inserted - counter.count(below: Int(rank))
            counter.add(rank: Int(rank))
            inserted += 1
        }
        atLeast = result
    }

    /// Per position: how many values are strictly below it, plus one (0 where nil), from one sort
    /// of (value, position) pairs (perf: a binary search per value was a fifth of the analytics).
    private static func ranks(_ values: [Double?]) -> [Int32] {
        var pairs: [(value: Double, position: Int32)] = []
        pairs.reserveCapacity(values.count)
        for (t, value) in values.enumerated() { if let value { pairs.append((value, Int32(t))) } }
        pairs.sort { $0.value < $1.value }
        var ranks = [Int32](repeating: 0, count: values.count)
        var first = 0
        for index in pairs.indices {
            if pairs[index].value != pairs[first].value { first = index }
            ranks[Int(pairs[index].position)] = Int32(first + 1)
        }
        return ranks
    }
}

/// Counts of ranks 1…n added so far, with the count below any rank in O(log n).
private struct FenwickCounter {
    private var tree: [Int32]

    init(ranks: Int) { tree = [Int32](repeating: 0, count: ranks + 1) }

    /// How many added ranks are less than `rank`.
    func count(below rank: Int) -> Int32 {
        var total: Int32 = 0
        var i = rank - 1
        while i > 0 {
            total += tree[i]
            i -= i & -i
        }
        return total
    }

    mutating func add(rank: Int) {
        var i = rank
        while i < tree.count {
            tree[i] += 1
            i += i & -i
        }
    }
}
