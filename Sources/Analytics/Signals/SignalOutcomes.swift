import MarketData

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

    /// What followed `firings` (positions in `dates`) over every horizon, up to position `last`.
    static func facts(signal: String, leader: String, benchmark: String?, firings: [Int], through last: Int,
                      dates: [SessionDate], relativeReturn: (Int, Int) -> Double) -> SignalOutcomeFacts {
        SignalOutcomeFacts(
            signal: signal, leader: leader, benchmark: benchmark,
            horizons: horizons.map { horizon in
                let episodes = measure(firings: firings, horizon: horizon, through: last, relativeReturn: relativeReturn)
                let values = episodes.map(\.relative)
                let hits = values.filter { $0 > 0 }.count
                return HorizonOutcome(
                    sessions: horizon, count: values.count, hits: hits,
                    hitRate: values.isEmpty ? nil : Double(hits) / Double(values.count), median: median(values),
                    episodes: episodes.map { OutcomeEpisode(date: dates[$0.firing], relativeReturn: $0.relative) })
            })
    }

    /// Median of a non-empty list (mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
