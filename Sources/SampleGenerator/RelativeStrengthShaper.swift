import Foundation

/// Shapes IWM's daily returns against SPY's so the outperformance-run and follow-through facts hold.
///
/// IWM beats SPY on a session exactly when its log return is larger, so every edit works on the daily
/// excess log return. Each edit is offset on other sessions whose win/loss status cannot change
/// (raising a winning day, lowering a losing day), which keeps IWM's long-run level near its anchors.
struct RelativeStrengthShaper {
    private let spy: [Double]
    private(set) var iwm: [Double]
    private let firstIndex: Int
    private let lastIndex: Int
    /// Offsets never land from here on: the last weeks before the year end stay as the year-end ceiling left them.
    private let frozenFrom: Int
    private var random: RandomStream

    private let margin = SampleConstraints.beatMargin
    private let frozenSessions = 15
    private let offsetHorizon = 126
    private let minimumOffsetSessions = 4
    /// Largest share of an offset put on one session, so give-backs look like ordinary days.
    private let offsetPerSession = 0.0025
    private var targetSpread: Double {
        SampleConstraints.targetFollowThrough.upperBound - SampleConstraints.targetFollowThrough.lowerBound
    }

    /// Shapes sessions `iwm.firstReturnIndex...lastIndex`; later sessions are left to the final-window shaper.
    init(spy: LogPath, iwm: LogPath, lastIndex: Int, random: RandomStream) {
        self.spy = spy.returns
        self.iwm = iwm.returns
        firstIndex = iwm.firstReturnIndex
        self.lastIndex = lastIndex
        frozenFrom = lastIndex - frozenSessions + 1
        self.random = random
    }

    mutating func shape(plantedRuns: [ClosedRange<Int>], forcedLosses: [Int], firings: [Int]) {
        clearDeadZone()
        plantedRuns.forEach { plant($0) }
        forcedLosses.forEach { forceLoss(at: $0) }
        breakAccidentalRuns(keeping: plantedRuns)
        firings.forEach { enforceFollowThrough(after: $0) }
    }

    // MARK: Steps

    /// Pushes near-ties away from zero so cents rounding cannot decide a day; each tie falls the way that keeps the accumulated nudge near zero.
    private mutating func clearDeadZone() {
        var drift = 0.0
        for index in firstIndex...lastIndex where abs(excess(index)) < margin {
            drift += setExcess(index, to: drift > 0 ? losingExcess(small: true) : winningExcess(small: true))
        }
    }

    /// Makes every session of a planted run a win and the sessions on either side losses, so the run has exactly its length.
    private mutating func plant(_ run: ClosedRange<Int>) {
        var change = 0.0
        for index in run where !isWin(index) {
            change += setExcess(index, to: winningExcess())
        }
        for boundary in [run.lowerBound - 1, run.upperBound + 1] where isWin(boundary) {
            change += setExcess(boundary, to: losingExcess())
        }
        offset(change, after: run.upperBound + 1)
    }

    private mutating func forceLoss(at index: Int) {
        guard isWin(index) else { return }
        offset(setExcess(index, to: losingExcess()), after: index)
    }

    /// Splits every unplanned run of `longRunLength` or more wins until none is left.
    private mutating func breakAccidentalRuns(keeping planted: [ClosedRange<Int>]) {
        while let run = winningRuns().first(where: { $0.count >= SampleConstraints.longRunLength && !planted.contains($0) }) {
            let split = splitPoint(of: run)
            offset(setExcess(split, to: losingExcess()), after: split)
        }
    }

    /// The session whose loss disturbs the data least (smallest win) among those leaving both halves short; the middle for very long runs.
    private func splitPoint(of run: ClosedRange<Int>) -> Int {
        let limit = SampleConstraints.longRunLength
        let admissible = run.filter { $0 - run.lowerBound < limit && run.upperBound - $0 < limit }
        return admissible.min { excess($0) < excess($1) } ?? (run.lowerBound + run.upperBound) / 2
    }

    /// Tops up IWM's lead after a breadth firing, on winning days only, then gives it back after the longest horizon.
    private mutating func enforceFollowThrough(after firing: Int) {
        var added = 0.0
        var windowStart = firing + 1
        for horizon in SampleConstraints.followThroughHorizons {
            let window = (firing + 1)...(firing + horizon)
            let target = log(1 + SampleConstraints.targetFollowThrough.lowerBound + random.uniform() * targetSpread)
            let shortfall = target - window.reduce(0) { $0 + excess($1) }
            if shortfall > 0 {
                let laterWins = (windowStart...window.upperBound).filter(isWin)
                let lift = laterWins.isEmpty ? window.filter(isWin) : laterWins
                lift.forEach { iwm[$0] += shortfall / Double(lift.count) }
                added += shortfall
            }
            windowStart = window.upperBound + 1
        }
        offset(added, after: firing + (SampleConstraints.followThroughHorizons.last ?? 0))
    }

    // MARK: Helpers

    private func excess(_ index: Int) -> Double {
        iwm[index] - spy[index]
    }

    private func isWin(_ index: Int) -> Bool {
        excess(index) > 0
    }

    /// Sets the excess return on a session and returns how much IWM's log level moved.
    @discardableResult
    private mutating func setExcess(_ index: Int, to value: Double) -> Double {
        let change = value - excess(index)
        iwm[index] += change
        return change
    }

    /// A clear win: the margin plus a random amount (up to another margin for near-ties, 0.4% otherwise).
    private mutating func winningExcess(small: Bool = false) -> Double {
        margin + random.uniform() * (small ? margin : 0.004)
    }

    private mutating func losingExcess(small: Bool = false) -> Double {
        -winningExcess(small: small)
    }

    /// Maximal runs of consecutive winning sessions in the shaped range.
    private func winningRuns() -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        var runStart: Int?
        for index in firstIndex...lastIndex + 1 {
            let wins = index <= lastIndex && isWin(index)
            if wins, runStart == nil { runStart = index }
            if !wins, let start = runStart {
                runs.append(start...(index - 1))
                runStart = nil
            }
        }
        return runs
    }

    /// Takes `change` back out of IWM's level over a few later sessions without changing any session's win/loss status.
    private mutating func offset(_ change: Double, after index: Int) {
        guard change != 0 else { return }
        let lowering = change > 0
        let upper = min(index + offsetHorizon, frozenFrom - 1)
        guard index + 1 <= upper else { return }
        let candidates = ((index + 1)...upper).filter { isWin($0) != lowering }
        let wanted = max(minimumOffsetSessions, Int((abs(change) / offsetPerSession).rounded(.up)))
        let chosen = evenlySpaced(candidates, count: min(wanted, candidates.count))
        chosen.forEach { iwm[$0] -= change / Double(chosen.count) }
    }

    private func evenlySpaced(_ values: [Int], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        return (0..<count).map { values[(2 * $0 + 1) * values.count / (2 * count)] }
    }
}
