/// Binary search over a collection ordered so that a predicate is false for a prefix and true for
/// the rest (ascending dates against "after D", sorted values against "at least x").
extension RandomAccessCollection where Index == Int {
    /// The first index at which `isInSecondPart` holds, or `endIndex` when it never does.
    @inlinable
    public func partitioningIndex(where isInSecondPart: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isInSecondPart(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension RandomAccessCollection where Index == Int, Element == SessionDate {
    /// In ascending dates: the index of the last date on or before `date`.
    @inlinable
    public func lastIndex(onOrBefore date: SessionDate) -> Int? {
        let after = partitioningIndex { $0 > date }
        return after == startIndex ? nil : after - 1
    }

    /// In ascending dates: whether `date` is one of them.
    @inlinable
    public func contains(session date: SessionDate) -> Bool {
        firstIndex(onOrAfter: date).map { self[$0] == date } ?? false
    }

    /// In ascending dates: the index of the first date on or after `date`.
    @inlinable
    public func firstIndex(onOrAfter date: SessionDate) -> Int? {
        let index = partitioningIndex { $0 >= date }
        return index == endIndex ? nil : index
    }
}

extension Array where Element == SessionDate {
    /// The union of ascending date lists, ascending, each date once. A merge: hashing every
    /// session of a 500-symbol universe into a set cost 3% of its run.
    public static func union(_ lists: [[SessionDate]]) -> [SessionDate] {
        lists.reduce(into: []) { union, dates in union = merge(union, dates) }
    }

    static func merge(_ a: [SessionDate], _ b: [SessionDate]) -> [SessionDate] {
        if a.isEmpty { return b }
        if b.isEmpty || a == b { return a }
        var result: [SessionDate] = []
        result.reserveCapacity(Swift.max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                result.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                result.append(b[j]); j += 1
            } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        return result
    }
}
