import MarketData

/// A leader measured against a benchmark on their common sessions, for all sessions at once. A
/// class, as `SeriesAnalysis` is.
///
/// "A beat B" on a common session means r_A > r_B, both daily returns taken from the previous
/// common session; a tie is not a beat, and the first common session has no return and beats
/// nothing. (DESIGN.md takes each return from the file's own previous session: when one file lacks
/// a row, the two returns then cover different days, and a two-day gain "beat" a one-day one.)
public final class ComparisonAnalysis: Sendable {
    public let leader: SeriesAnalysis
    public let benchmark: SeriesAnalysis
    public let alignment: SessionAlignment
    /// Streaks of sessions on which the leader beat the benchmark.
    public let leaderBeats: RunHistory
    /// Streaks of sessions on which the benchmark beat the leader.
    public let benchmarkBeats: RunHistory
    /// What followed leader streaks reaching each length from `HistoryAnalysis.outcomeThreshold`
    /// (index L − threshold), one table per horizon.
    public let leaderOutcomeTables: [[OutcomeTable]]

    public init(leader: SeriesAnalysis, benchmark: SeriesAnalysis) {
        self.leader = leader
        self.benchmark = benchmark
        alignment = SessionAlignment(leader.series.dates, benchmark.series.dates)
        var leaderWins = [Bool](repeating: false, count: alignment.count)
        var benchmarkWins = [Bool](repeating: false, count: alignment.count)
        for k in alignment.dates.indices.dropFirst() {
            let a = Int(alignment.leaderIndex[k]), b = Int(alignment.benchmarkIndex[k])
            let ra = leader.closes[a] / leader.closes[Int(alignment.leaderIndex[k - 1])] - 1
            let rb = benchmark.closes[b] / benchmark.closes[Int(alignment.benchmarkIndex[k - 1])] - 1
            leaderWins[k] = ra > rb
            benchmarkWins[k] = rb > ra
        }
        // The second common session is the first with a return: a run from it may have begun before the data.
        leaderBeats = RunHistory(leaderWins, judgedFrom: 1)
        benchmarkBeats = RunHistory(benchmarkWins, judgedFrom: 1)
        let alignment = alignment
        leaderOutcomeTables = leaderBeats.firingsByLength(from: HistoryAnalysis.outcomeThreshold).map { firings in
            SignalOutcomes.tables(firings: firings, through: alignment.count - 1) { start, end in
                Self.relativeReturn(leader, benchmark, alignment, from: start, to: end)
            }
        }
    }

    /// The leader's return relative to the benchmark between two common sessions: (1+R_A)/(1+R_B) − 1.
    public func relativeReturn(from start: Int, to end: Int) -> Double {
        Self.relativeReturn(leader, benchmark, alignment, from: start, to: end)
    }

    private static func relativeReturn(_ leader: SeriesAnalysis, _ benchmark: SeriesAnalysis, _ alignment: SessionAlignment,
                                       from start: Int, to end: Int) -> Double {
        relativeReturn(leader, benchmark, leaderFrom: Int(alignment.leaderIndex[start]), to: Int(alignment.leaderIndex[end]),
                       benchmarkFrom: Int(alignment.benchmarkIndex[start]), to: Int(alignment.benchmarkIndex[end]))
    }

    /// The same between each fund's own sessions (indices into its closes), whose bases may fall
    /// on different days: the 1Y window, whose base session a fund can miss.
    static func relativeReturn(_ leader: SeriesAnalysis, _ benchmark: SeriesAnalysis,
                               leaderFrom a0: Int, to a1: Int, benchmarkFrom b0: Int, to b1: Int) -> Double {
        (leader.closes[a1] / leader.closes[a0]) / (benchmark.closes[b1] / benchmark.closes[b0]) - 1
    }
}
