import MarketData

/// What followed earlier firings of a signal: the leader's return relative to the benchmark over
/// the next `horizon` common sessions after each firing, with count, hit rate and median.
///
/// A firing within `horizon` sessions after the previous counted one is ignored, so one long
/// episode is not counted many times; a firing whose horizon is not complete by the note's
/// session is left out, so the past never looks into the note's future.
public enum SignalOutcomes {
    public static let horizons = [21, 63]
    /// Facts list the most recent episodes only; count, hits and median cover all of them. Listing
    /// every episode made each streak day's facts grow with the length of the history (measured:
    /// 300 episodes, 110 KB of facts.json, on a 3-session streak after 26 years).
    public static let listedEpisodes = 12

    /// One table per horizon for firings in order, measured through position `last`.
    public static func tables(firings: [Int], through last: Int, relativeReturn: (Int, Int) -> Double) -> [OutcomeTable] {
        horizons.map { OutcomeTable(firings: firings, horizon: $0, through: last, relativeReturn: relativeReturn) }
    }

    /// What followed the firings before position `limit` whose horizons ended by position `last`.
    static func facts(signal: String, leader: String, benchmark: String?, tables: [OutcomeTable], before limit: Int,
                      through last: Int, dates: [SessionDate]) -> SignalOutcomeFacts {
        SignalOutcomeFacts(signal: signal, leader: leader, benchmark: benchmark,
                           horizons: tables.map { $0.outcome(before: limit, through: last, dates: dates) })
    }

    /// What followed `firings` (positions in `dates`) over every horizon, up to position `last`.
    static func facts(signal: String, leader: String, benchmark: String?, firings: [Int], through last: Int,
                      dates: [SessionDate], relativeReturn: (Int, Int) -> Double) -> SignalOutcomeFacts {
        facts(signal: signal, leader: leader, benchmark: benchmark,
              tables: tables(firings: firings, through: last, relativeReturn: relativeReturn),
              before: Int.max, through: last, dates: dates)
    }

    /// Median of a non-empty list (mean of the middle two for an even count).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return sortedMedian(values.sorted())
    }

    static func sortedMedian(_ sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// What followed every firing of one signal over one horizon, measured once for a whole history.
///
/// The episodes known on any session are a prefix of the table (firings are in order, re-fires are
/// skipped greedily from the first, and a later firing's horizon ends later), so a date's count,
/// hits and median are looked up in O(log n) instead of re-measuring every earlier firing: that
/// re-measuring made the analytics grow faster than the history (2.6× the time for 2× the years).
public struct OutcomeTable: Sendable {
    public let horizon: Int
    private let firings: [Int]
    private let values: [Double]
    /// Per prefix length p: how many of the first p episodes were positive, and their median.
    private let prefixHits: [Int]
    private let prefixMedian: [Double]

    public init(firings: some Sequence<Int>, horizon: Int, through last: Int, relativeReturn: (Int, Int) -> Double) {
        self.horizon = horizon
        var kept: [Int] = [], values: [Double] = [], hits = [0], medians = [Double.nan], sorted: [Double] = []
        var lastCounted = Int.min / 2
        for firing in firings where firing - lastCounted > horizon {
            guard firing + horizon <= last else { break }
            let value = relativeReturn(firing, firing + horizon)
            kept.append(firing)
            values.append(value)
            hits.append(hits[hits.count - 1] + (value > 0 ? 1 : 0))
            sorted.insert(value, at: sorted.partitioningIndex { $0 >= value })
            medians.append(SignalOutcomes.sortedMedian(sorted))
            lastCounted = firing
        }
        self.firings = kept
        self.values = values
        prefixHits = hits
        prefixMedian = medians
    }

    /// Every episode: the firing's position and what followed.
    public var episodes: [(firing: Int, relative: Double)] { Array(zip(firings, values)) }

    /// The episodes among firings before position `limit` whose horizon ended by position `last`.
    public func outcome(before limit: Int, through last: Int, dates: [SessionDate]) -> HorizonOutcome {
        let bound = min(limit, last - horizon + 1)
        let count = firings.partitioningIndex { $0 >= bound }
        let listed = max(0, count - SignalOutcomes.listedEpisodes)..<count
        return HorizonOutcome(
            sessions: horizon, count: count, hits: prefixHits[count],
            hitRate: count == 0 ? nil : Double(prefixHits[count]) / Double(count),
            median: count == 0 ? nil : prefixMedian[count],
            episodes: listed.map { OutcomeEpisode(date: dates[firings[$0]], relativeReturn: values[$0]) })
    }
}
