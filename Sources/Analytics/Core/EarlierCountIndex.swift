import MarketData

/// Counts, in a forward pass, how many earlier values are at least the current one: a Fenwick
/// tree over the ranks of all values, O(log N) per position.
public struct EarlierCountIndex: Sendable {
    /// Per position: how many earlier (non-nil) values were ≥ this one; 0 where the value is nil.
    public let atLeast: [Int32]

    /// For small non-negative integers (reaches, lengths): the Fenwick tree is indexed by value,
    /// with no sort.
    public init(integers values: [Int]) {
        var tree = [Int32](repeating: 0, count: (values.max() ?? 0) + 2)
        var result = [Int32](repeating: 0, count: values.count)
        for (t, value) in values.enumerated() {
            var below: Int32 = 0
            var i = value
            while i > 0 {
                below += tree[i]
                i -= i & -i
            }
            result[t] = Int32(t) - below
            i = value + 1
            while i < tree.count {
                tree[i] += 1
                i += i & -i
            }
        }
        atLeast = result
    }

    public init(_ values: [Double?]) {
        let present = values.compactMap { $0 }.sorted()
        var tree = [Int32](repeating: 0, count: present.count + 1)
        var inserted: Int32 = 0
        var result = [Int32](repeating: 0, count: values.count)
        /// Rank = number of distinct-or-equal values strictly below `value`, plus one.
        func rank(_ value: Double) -> Int { present.partitioningIndex { $0 >= value } + 1 }
        for (t, value) in values.enumerated() {
            guard let value else { continue }
            let r = rank(value)
            var below: Int32 = 0
            var i = r - 1
            while i > 0 {
                below += tree[i]
                i -= i & -i
            }
            result[t] = inserted - below
            i = r
            while i < tree.count {
                tree[i] += 1
                i += i & -i
            }
            inserted += 1
        }
        atLeast = result
    }
}
