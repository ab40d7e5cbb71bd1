/// Answers "the latest position before i whose value is at least x" in O(log N), over values
/// where some positions are left out (missing, or inside an exclusion window).
///
/// A max segment tree over the values: the search descends into the rightmost subtree whose
/// maximum reaches x. It serves "highest since", its "before that", and 52-week style lookbacks.
public struct PreviousAtLeastIndex: Sendable {
    private let size: Int
    private var tree: [Double]
    public let count: Int

    /// `values[i]` nil means position i can never be an answer.
    public init(_ values: [Double?]) {
        count = values.count
        var size = 1
        while size < max(count, 1) { size *= 2 }
        self.size = size
        tree = [Double](repeating: -.infinity, count: 2 * size)
        for (i, value) in values.enumerated() { tree[size + i] = value ?? -.infinity }
        if size > 1 {
            for node in stride(from: size - 1, through: 1, by: -1) { tree[node] = max(tree[2 * node], tree[2 * node + 1]) }
        }
    }

    /// The latest position p < `before` with value ≥ `threshold`, or nil.
    public func latest(before: Int, atLeast threshold: Double) -> Int? {
        guard before > 0 else { return nil }
        return search(node: 1, nodeLow: 0, nodeHigh: size, limit: min(before, count), threshold: threshold)
    }

    /// Whether some position in `range` has a value ≥ `threshold`.
    public func contains(atLeast threshold: Double, in range: Range<Int>) -> Bool {
        guard !range.isEmpty, let p = latest(before: range.upperBound, atLeast: threshold) else { return false }
        return p >= range.lowerBound
    }

    private func search(node: Int, nodeLow: Int, nodeHigh: Int, limit: Int, threshold: Double) -> Int? {
        if nodeLow >= limit || tree[node] < threshold { return nil }
        if nodeHigh - nodeLow == 1 { return nodeLow }
        let middle = (nodeLow + nodeHigh) / 2
        return search(node: 2 * node + 1, nodeLow: middle, nodeHigh: nodeHigh, limit: limit, threshold: threshold)
            ?? search(node: 2 * node, nodeLow: nodeLow, nodeHigh: middle, limit: limit, threshold: threshold)
    }
}
