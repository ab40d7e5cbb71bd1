/// A stretch of consecutive positions on which a condition held.
public struct Run: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var length: Int { end - start + 1 }

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// Streaks of a condition over a sequence, with "the last time" answered for every position in
/// one forward pass.
///
/// For a streak of length L at t, the last time is the latest earlier run (entirely before the
/// current one) that reached length ≥ L. Completed runs update a table indexed by length, so each
/// position is answered in O(1) and the whole pass costs O(N).
///
/// A run that starts on the first position the condition can be judged (`firstJudged`) may have
/// begun before the data: its length is a lower bound.
public struct RunHistory: Sendable {
    /// Streak length ending at each position (0 where the condition failed).
    public let length: [Int32]
    /// Every run, in order; the last one may still be running.
    public let runs: [Run]
    /// Per position: index into `runs` of the last earlier run reaching `length[t]`, or -1.
    public let previousRun: [Int32]
    /// Per position: how many earlier runs reached `length[t]`.
    public let earlierRunsAtLeast: [Int32]
    /// The first position at which the condition can be judged (a record needs an earlier
    /// session, a beat a return of both series).
    public let firstJudged: Int

    public init(_ condition: [Bool], judgedFrom firstJudged: Int = 0) {
        self.firstJudged = firstJudged
        var length = [Int32](repeating: 0, count: condition.count)
        var previousRun = [Int32](repeating: -1, count: condition.count)
        var earlierRunsAtLeast = [Int32](repeating: 0, count: condition.count)
        var runs: [Run] = []
        // latestReaching[l] = index of the latest completed run of length ≥ l; countReaching[l] = how many.
        var latestReaching: [Int32] = [-1]
        var countReaching: [Int32] = [0]
        var current: Int32 = 0

        func complete(_ run: Run) {
            let runIndex = Int32(runs.count - 1)
            while latestReaching.count <= run.length {
                latestReaching.append(-1)
                countReaching.append(0)
            }
            for l in 1...run.length {
                latestReaching[l] = runIndex
                countReaching[l] += 1
            }
        }

        for (t, holds) in condition.enumerated() {
            if holds {
                current += 1
                if current == 1 { runs.append(Run(start: t, end: t)) } else { runs[runs.count - 1].end = t }
                let l = Int(current)
                if l < latestReaching.count {
                    previousRun[t] = latestReaching[l]
                    earlierRunsAtLeast[t] = countReaching[l]
                }
            } else {
                if current > 0 { complete(runs[runs.count - 1]) }
                current = 0
            }
            length[t] = current
        }
        self.length = length
        self.runs = runs
        self.previousRun = previousRun
        self.earlierRunsAtLeast = earlierRunsAtLeast
    }

    /// The run that position `t` belongs to, if the condition held there.
    public func currentRun(at t: Int) -> Run? {
        guard length[t] > 0 else { return nil }
        return Run(start: t - Int(length[t]) + 1, end: t)
    }

    /// The run that ended on the position before `t`, when `t` broke it.
    public func brokenRun(at t: Int) -> Run? {
        guard length[t] == 0, t > 0 else { return nil }
        return currentRun(at: t - 1)
    }

    public func lastEarlierRun(at t: Int) -> Run? {
        previousRun[t] >= 0 ? runs[Int(previousRun[t])] : nil
    }

    /// Whether `run` starts where the condition is first judged, so that it may have begun before
    /// the data and its length is only a lower bound.
    public func opensTheData(_ run: Run) -> Bool {
        run.start <= firstJudged
    }

    /// The facts' `…IsMinimum` flag for `run`: true when it opens the data, absent (nil) otherwise.
    public func lowerBoundFlag(_ run: Run?) -> Bool? {
        run.map(opensTheData) == true ? true : nil
    }

    /// The run the data open with, when it ended before position `t`'s run began and is shorter
    /// than it as far as the data show, with no earlier run as long after it: it may have been as
    /// long, so "no earlier run was that long" is not known.
    public func openingRunPossiblyAsLong(at t: Int) -> Run? {
        guard let current = currentRun(at: t), previousRun[t] < 0, let first = runs.first,
              opensTheData(first), first.end < current.start else { return nil }
        return first
    }

    /// For each length L from `minimum` to the longest run (at index L − minimum): the positions on
    /// which runs reached L, in order. These are the firings of "a run of L" signals.
    public func firingsByLength(from minimum: Int) -> [[Int]] {
        var firings: [[Int]] = []
        for run in runs where run.length >= minimum {
            while firings.count <= run.length - minimum { firings.append([]) }
            for reached in minimum...run.length { firings[reached - minimum].append(run.start + reached - 1) }
        }
        return firings
    }
}
