/// For every position, the latest earlier position whose value is at least as large, in one pass
/// with a monotonic stack: O(N) for a whole history. It answers "the biggest gain since" and "the
/// highest close since" for every session; `PreviousAtLeastIndex` serves other thresholds.
public enum PreviousAtLeast {
    /// `result[t]` = the latest p < t with `values[p]` ≥ `values[t]`, or -1. Nil values are never
    /// an answer and get -1.
    public static func indices(_ values: [Double?]) -> [Int32] {
        var result = [Int32](repeating: -1, count: values.count)
        var stack: [Int32] = []
        stack.reserveCapacity(64)
        for (t, value) in values.enumerated() {
            guard let value else { continue }
            // An earlier value below this one can never again be the answer: this one is later and larger.
            while let top = stack.last, values[Int(top)]! < value { stack.removeLast() }
            result[t] = stack.last ?? -1
            stack.append(Int32(t))
        }
        return result
    }

    /// The same over values without gaps, such as closes (perf: handing `[Double]` to the
    /// function above converted the array through the runtime's dynamic cast, about 260
    /// instructions a close; callgrind).
    public static func indices(_ values: [Double]) -> [Int32] {
        indices(values.map(Optional.some))
    }
}
