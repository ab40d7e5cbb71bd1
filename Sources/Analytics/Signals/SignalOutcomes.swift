/// What followed earlier firings of a signal: the leader's return relative to the benchmark over
/// the next `horizon` common sessions after each firing, with count, hit rate and median.
///
/// A firing within `horizon` sessions after the previous counted one is ignored, so one long
/// episode is not counted many times; a firing whose horizon is not complete by the note's
/// session is left out, so the past never looks into the note's future.
public enum SignalOutcomes {
    public static let horizons = [21, 63]

    public static func measure(firings: [Int], horizon: Int, through last: Int,
                               relativeReturn: (Int, Int) -> Double) -> [(firing: Int, relative: Double)] {
        var episodes: [(Int, Double)] = []
        var lastCounted = Int.min / 2
        for firing in firings where firing - lastCounted > horizon {
            guard firing + horizon <= last else { break }
            episodes.append((firing, relativeReturn(firing, firing + horizon)))
            lastCounted = firing
        }
        return episodes
    }

    /// Median of a non-empty list (mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
