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
        var tables = horizons.map { OutcomeTable(firings: firings, horizon: $0, through: last, relativeReturn: relativeReturn) }
        // Per prefix of the firings: how many no table counted, so that a note counts the old ones in O(1).
        var uncounted: [Int32] = [0]
        for firing in firings {
            uncounted.append(uncounted[uncounted.count - 1] + (tables.contains { $0.counts(firing) } ? 0 : 1))
        }
        for index in tables.indices { tables[index].uncountedPrefix = uncounted }
        return tables
    }

    /// The earlier firings (before position `limit`) that no horizon counts through position
    /// `last`, by why: those old enough for every horizon came within the horizon of a counted
    /// firing over each; of the recent ones (fewer than the longest horizon's sessions ago), each
    /// is classed by what kept it out of each table. Nil when every earlier firing is counted (or
    /// the tables were not made together by `tables(firings:through:relativeReturn:)`).
    public static func uncounted(_ tables: [OutcomeTable], before limit: Int, through last: Int) -> UncountedFirings? {
        guard let first = tables.first, first.uncountedPrefix.count == first.allFirings.count + 1 else { return nil }
        let firings = first.allFirings
        let end = firings.partitioningIndex { $0 >= limit }
        let bounds = tables.map { $0.bound(before: limit, through: last) }
        let old = min(end, firings.partitioningIndex { $0 >= bounds.min() ?? limit })
        var result = UncountedFirings(tooRecent: 0, tooClose: Int(first.uncountedPrefix[old]), tooCloseThenTooRecent: 0)
        for firing in firings[old..<end] {
            let recent = tables.indices.map { firing >= bounds[$0] }
            guard !tables.indices.contains(where: { !recent[$0] && tables[$0].counts(firing) }) else { continue }
            if recent.allSatisfy({ $0 }) {
                result.tooRecent += 1
            } else if recent.contains(true) {
                result.tooCloseThenTooRecent += 1
            } else {
                result.tooClose += 1
            }
        }
        return result.tooRecent + result.tooClose + result.tooCloseThenTooRecent > 0 ? result : nil
    }

    /// What followed the firings before position `limit` whose horizons ended by position `last`.
    static func facts(signal: String, leader: String, benchmark: String?, tables: [OutcomeTable], before limit: Int,
                      through last: Int, dates: [SessionDate]) -> SignalOutcomeFacts {
        SignalOutcomeFacts(signal: signal, leader: leader, benchmark: benchmark,
                           horizons: tables.map { $0.outcome(before: limit, through: last, dates: dates) },
                           uncounted: uncounted(tables, before: limit, through: last))
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
    /// Every firing of the signal, counted or not.
    let allFirings: [Int]
    /// Per prefix of `allFirings`: how many no table of the same signal counted (set by
    /// `SignalOutcomes.tables`).
    var uncountedPrefix: [Int32] = []
    /// The firings counted, each more than `horizon` sessions after the one before.
    private let firings: [Int]
    private let values: [Double]
    /// Per prefix length p: how many of the first p episodes were positive, and their median.
    private let prefixHits: [Int]
    private let prefixMedian: [Double]

    public init(firings: some Sequence<Int>, horizon: Int, through last: Int, relativeReturn: (Int, Int) -> Double) {
        self.horizon = horizon
        allFirings = Array(firings)
        var kept: [Int] = [], values: [Double] = [], hits = [0], medians = [Double.nan], sorted: [Double] = []
        var lastCounted = Int.min / 2
        for firing in allFirings where firing - lastCounted > horizon {
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

    /// Whether `firing` is counted once its horizon has ended (not within that of a counted one).
    func counts(_ firing: Int) -> Bool {
        let index = firings.partitioningIndex { $0 >= firing }
        return index < firings.count && firings[index] == firing
    }

    /// The first position whose firing is not counted in a note on `last` for firings before `limit`.
    func bound(before limit: Int, through last: Int) -> Int {
        min(limit, last - horizon + 1)
    }

    /// The episodes among firings before position `limit` whose horizon ended by position `last`.
    public func outcome(before limit: Int, through last: Int, dates: [SessionDate]) -> HorizonOutcome {
        let bound = bound(before: limit, through: last)
        let count = firings.partitioningIndex { $0 >= bound }
        let listed = max(0, count - SignalOutcomes.listedEpisodes)..<count
        return HorizonOutcome(
            sessions: horizon, count: count, hits: prefixHits[count],
            hitRate: count == 0 ? nil : Double(prefixHits[count]) / Double(count),
            median: count == 0 ? nil : prefixMedian[count],
            episodes: listed.map { OutcomeEpisode(date: dates[firings[$0]], relativeReturn: values[$0]) })
    }
}
