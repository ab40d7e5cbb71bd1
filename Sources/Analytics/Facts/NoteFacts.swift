import MarketData

/// Every fact of one note's date: typed, Codable, and written beside the note as `facts.json`.
public struct NoteFacts: Sendable, Codable, Hashable {
    public var date: SessionDate
    /// The first session in the data, so readers know how far "since" can reach.
    public var historyStart: SessionDate
    public var series: [SeriesFacts]
    public var comparisons: [ComparisonFacts]
    public var macro: [MacroFacts]
    public var breadth: [BreadthFacts]
    /// The last session before two or more weekdays the calendar has without one, when `date` is
    /// the first after them (nil on other days): the day's moves span the closure.
    public var reopenedAfter: SessionDate? = nil

    public func series(_ symbol: String) -> SeriesFacts? { series.first { $0.symbol == symbol } }
}

/// A period return and the session it is measured from.
public struct PeriodReturn: Sendable, Codable, Hashable {
    public var period: ReturnPeriod
    /// Nil when the series is too short for the period.
    public var value: Double?
    public var baseDate: SessionDate?
}

/// A run of sessions, by date.
public struct RunFacts: Sendable, Codable, Hashable {
    public var start: SessionDate
    public var end: SessionDate
    public var length: Int
    /// True when the run starts on the first session the data can judge (a record's on the data's
    /// second session): it may have begun before the data, so `length` is a lower bound. Absent
    /// otherwise.
    public var lengthIsMinimum: Bool? = nil
}

/// A streak ending on the note's session, and the last time one as long happened.
public struct StreakFacts: Sendable, Codable, Hashable {
    /// Consecutive sessions ending on the note's session (0 when the streak is broken).
    public var length: Int
    public var start: SessionDate?
    /// True when the streak started on the first session the data can judge: it may have begun
    /// before the data, so `length` is a lower bound. Absent otherwise.
    public var lengthIsMinimum: Bool? = nil
    /// The latest earlier run (entirely before this one) of at least `length` sessions.
    public var lastTime: RunFacts?
    /// When no earlier run in the data reached `length`: the run the data open with, which may
    /// have begun before them and been as long (its `length` is a lower bound). Absent otherwise.
    public var openingRun: RunFacts? = nil
    /// How many earlier runs reached `length`.
    public var earlierRunsAtLeast: Int
    /// Length of the streak that ended on the previous session, when today broke it.
    public var brokenLength: Int?
    /// True when that streak started on the first session the data can judge, so `brokenLength`
    /// is a lower bound. Absent otherwise.
    public var brokenLengthIsMinimum: Bool? = nil
    public var rarity: Rarity
    /// What followed earlier runs of this length, when there were any.
    public var outcomes: SignalOutcomeFacts?
}

/// One price series on the note's date.
public struct SeriesFacts: Sendable, Codable, Hashable {
    public var symbol: String
    public var name: String
    public var shortName: String
    /// Whether `shortName` takes a plural verb.
    public var plural: Bool
    public var topics: [String]
    /// The series' first session, where its "since" searches stop.
    public var historyStart: SessionDate
    /// The series' last session on or before the note's date.
    public var sessionDate: SessionDate
    public var close: Double
    public var returns: [PeriodReturn]
    public var dailyMoveRarity: Rarity
    /// The latest earlier session with a one-day move at least as large in the same direction;
    /// nil when this is the largest in the data (or the first session).
    public var largestMoveSince: SessionDate?
    /// The session's high less its low, as a fraction of the close before: a day that swung
    /// widely is not called calm, however it closed. Nil on the first session, and when the file
    /// gives no range (High equals Low: the S&P 500's files before 1962 repeat the close), so that
    /// the note claims nothing about the day's trading it cannot know.
    public var intradayRange: Double?
    /// The session's low and high against the close before (−0.086: it fell as much as 8.6%
    /// during the session); nil where `intradayRange` is.
    public var intradayLow: Double?
    public var intradayHigh: Double?
    public var intradayRecord: RecordFacts
    public var closingRecord: RecordFacts
    public var yearHigh: Bool
    public var yearLow: Bool
    /// The highest close since…, and the lowest close since…
    public var closeHigh: PriceExtremeFacts
    public var closeLow: PriceExtremeFacts
    /// Returns since the project's reference dates.
    public var returnsSince: [SinceReturn]
    /// Close relative to the highest close so far (0 at a record, −0.1 ten percent below).
    public var drawdown: Double
    public var recordClose: Double
    public var recordCloseDate: SessionDate
    /// Set on the session that first closed 10% (a correction) or 20% (a bear market) below the
    /// record close since that record; nil on every other session.
    public var drawdownEntry: DrawdownEntryFacts?
    /// The session that entered the bear market the series is still in: its first close 20% or
    /// more below the record close, when it has not closed 20% above its lowest close since. A
    /// series back within 20% of its record is still in it ("not in correction territory" three
    /// sessions after entering a bear market).
    public var bearMarketSince: SessionDate?
    /// The month that ends with this session, when one does (by the exchange's calendar).
    public var monthEnd: PeriodEndFacts?
    /// The quarter that ends with this session, when one does (March, June, September, December).
    public var quarterEnd: PeriodEndFacts?
    /// The year that ends with this session, when one does: December's session then ends both.
    public var yearEnd: PeriodEndFacts?

    public func returnValue(_ period: ReturnPeriod) -> Double? { returns.first { $0.period == period }?.value }
    /// The session `period`'s return is measured from.
    public func returnBase(_ period: ReturnPeriod) -> SessionDate? { returns.first { $0.period == period }?.baseDate }
}

/// A close compared with history: the latest earlier session with a close at least as high (or low).
public struct PriceExtremeFacts: Sendable, Codable, Hashable {
    /// Nil when no earlier close reached it: a record (or the first session).
    public var since: SessionDate?
    public var sinceClose: Double?
    /// Sessions back to `since` (the whole history when nil).
    public var sessionsSince: Int
    public var rarity: Rarity
}

/// A session that entered correction or bear-market territory: the first close of a drawdown at
/// least 10% or 20% below the record close.
public struct DrawdownEntryFacts: Sendable, Codable, Hashable {
    /// The fraction below the record close that was crossed: −0.1 or −0.2.
    public var threshold: Double
    /// The last earlier session that entered this territory; nil for the first in the data.
    public var previous: SessionDate?
    /// How rare an entry is: the earlier entries over the years of history.
    public var rarity: Rarity
}

/// The return since a reference date of the project ("since the April low").
public struct SinceReturn: Sendable, Codable, Hashable {
    public var label: String
    public var date: SessionDate
    public var value: Double?
    /// The session the return is measured from (the last on or before `date`).
    public var baseDate: SessionDate?
}

/// Record highs (intraday or closing) on the note's session.
public struct RecordFacts: Sendable, Codable, Hashable {
    public var isRecord: Bool
    /// The session's High (intraday) or Close (closing).
    public var level: Double
    /// The record that stood before this session.
    public var previousRecord: Double?
    public var streak: StreakFacts
}

/// A leader against a benchmark on the note's session.
public struct ComparisonFacts: Sendable, Codable, Hashable {
    public var leader: String
    public var benchmark: String
    /// The first session both series have.
    public var historyStart: SessionDate
    public var sessionDate: SessionDate
    /// Sessions in a row on which the leader beat the benchmark.
    public var leaderStreak: StreakFacts
    /// Sessions in a row on which the benchmark beat the leader.
    public var benchmarkStreak: StreakFacts
    /// The leader's return relative to the benchmark since the start of the window, for each
    /// common session from the 1Y base on (the first common session for a younger pair).
    public var relativePerformance: [ChartPoint]
    /// (1 + R_leader) / (1 + R_benchmark) − 1 for each period both series cover.
    public var relativeReturns: [PeriodReturn]

}

/// One point of a chart line, written `["2026-01-15", 0.061]` in JSON: a year of points per
/// note stays readable and small.
public struct ChartPoint: Sendable, Codable, Hashable {
    public var date: SessionDate
    public var value: Double

    public init(date: SessionDate, value: Double) {
        self.date = date
        self.value = value
    }

    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        date = try container.decode(SessionDate.self)
        value = try container.decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(date)
        try container.encode(value)
    }
}

/// What followed earlier firings of a signal.
public struct SignalOutcomeFacts: Sendable, Codable, Hashable {
    public var signal: String
    public var leader: String
    /// Nil when outcomes are the leader's own returns rather than relative ones.
    public var benchmark: String?
    public var horizons: [HorizonOutcome]
    /// The earlier firings that no horizon counts, by why; absent when every one is counted.
    public var uncounted: UncountedFirings? = nil
}

/// Earlier firings of a signal that are counted over no horizon, by why.
public struct UncountedFirings: Sendable, Codable, Hashable {
    /// Too recent: not one horizon has passed since the firing by the note's session.
    public var tooRecent: Int
    /// Within the horizon of an earlier counted firing, over every horizon.
    public var tooClose: Int
    /// Within the horizon of an earlier counted firing over a shorter horizon, and too recent for
    /// the longer ones.
    public var tooCloseThenTooRecent: Int
}

/// Outcomes over one horizon.
public struct HorizonOutcome: Sendable, Codable, Hashable {
    public var sessions: Int
    public var count: Int
    /// Episodes in which the leader beat the benchmark over the horizon.
    public var hits: Int
    public var hitRate: Double?
    public var median: Double?
    /// The most recent episodes, oldest first (at most `SignalOutcomes.listedEpisodes`); count,
    /// hits and median cover every episode.
    public var episodes: [OutcomeEpisode]
}

public struct OutcomeEpisode: Sendable, Codable, Hashable {
    public var date: SessionDate
    /// The leader's return relative to the benchmark (or its own return) over the horizon.
    public var relativeReturn: Double
}

/// "Highest since" or "lowest since" for a value.
public struct ExtremeFacts: Sendable, Codable, Hashable {
    /// The latest earlier period at least as extreme (skipping exclusion windows, unless this
    /// period is inside one); nil when none.
    public var since: ObservationPointFacts?
    /// The one before that.
    public var beforeThat: ObservationPointFacts?
    /// Exclusion windows that were skipped and held a value at least as extreme.
    public var skippedWindows: [String]
    /// The latest period at least as extreme when nothing is skipped.
    public var sinceWithoutExclusions: ObservationPointFacts?
    /// Periods between `since` and the current one (the whole history when `since` is nil).
    public var periodsSince: Int
    public var rarity: Rarity
}

public struct ObservationPointFacts: Sendable, Codable, Hashable {
    public var period: ObservationPeriod
    public var value: Double
}

/// A macro series on the note's date.
public struct MacroFacts: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var shortName: String
    public var unit: String
    public var topics: [String]
    public var period: ObservationPeriod
    /// The series' first period, where "since" searches stop.
    public var firstPeriod: ObservationPeriod
    /// The day the reading became known (the period's start or the day after its end).
    public var knownSince: SessionDate
    public var value: Double
    public var previous: ObservationPointFacts?
    public var highest: ExtremeFacts?
    public var lowest: ExtremeFacts?
    /// The data stop at least two periods short of what should be known on the note's date
    /// (the note then leaves the series out rather than present an old reading as news).
    public var isStale: Bool
}

/// A breadth table on the note's date.
public struct BreadthFacts: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var shortName: String
    public var topics: [String]
    public var period: ObservationPeriod
    /// The day the reading became known.
    public var knownSince: SessionDate
    public var groups: [BreadthGroupValue]
    public var focus: String
    /// The group strictly above every other, if any.
    public var leader: String?
    public var focusLeads: Bool
    /// The focus group leads now and did not in the previous period (never on the first period:
    /// a lead needs an earlier reading in which the group did not lead).
    public var newLead: Bool
    /// Consecutive periods the focus group has led.
    public var leadLength: Int
    /// True when the lead goes back to the first period in the data, so it may have begun before
    /// it and `leadLength` is a lower bound. Absent otherwise.
    public var leadLengthIsMinimum: Bool? = nil
    /// The latest earlier period in which the focus group led ("first time since").
    public var previousLead: ObservationPeriod?
    /// How many earlier leads were taken in the data (a lead the data open with was not).
    public var earlierLeads: Int
    public var rarity: Rarity
    public var outcomes: SignalOutcomeFacts?
}

public struct BreadthGroupValue: Sendable, Codable, Hashable {
    public var column: String
    public var label: String
    public var plural: Bool
    public var value: Double?
}
