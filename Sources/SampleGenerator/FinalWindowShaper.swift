import Foundation

/// Writes the 2026 sessions: IWM climbs every day to new highs and beats SPY every day, landing on the year-to-date targets.
struct FinalWindowShaper {
    /// Calendar indices of the sessions after the year end.
    let window: ClosedRange<Int>
    var random: RandomStream
    /// Largest first-day IWM gain spent on clearing earlier closes; any remaining gap is left to the intraday high.
    private let largestFirstDay = 0.03
    /// Smallest daily IWM gain in the climb.
    private let smallestDailyGain = 0.0015
    /// MAGS's own daily noise around its beta to SPY.
    private let magsNoise = 0.008

    mutating func apply(spy: inout LogPath, iwm: inout LogPath, mags: inout LogPath) throws {
        let iwmReturns = try climbingReturns(for: iwm, total: try logTarget(InstrumentCatalog.iwm))
        let spyReturns = trailingReturns(iwmReturns, total: try logTarget(InstrumentCatalog.spy))
        let magsReturns = flatReturns(following: spyReturns, beta: InstrumentCatalog.mags.marketBeta, total: try logTarget(InstrumentCatalog.mags))
        for (offset, index) in window.enumerated() {
            iwm.returns[index] = iwmReturns[offset]
            spy.returns[index] = spyReturns[offset]
            mags.returns[index] = magsReturns[offset]
        }
    }

    private func logTarget(_ profile: InstrumentProfile) throws -> Double {
        guard let goal = SampleConstraints.yearToDate.first(where: { $0.symbol == profile.symbol }) else {
            throw SampleGenerationError(description: "no year-to-date target for \(profile.symbol)")
        }
        return log(1 + goal.target)
    }

    /// Positive IWM returns summing to `total`; the first tries to close above every earlier close.
    private mutating func climbingReturns(for iwm: LogPath, total: Double) throws -> [Double] {
        var returns = randomShares(of: total, spread: 0.6...1.4)
        let levels = iwm.logLevels()
        let yearEnd = levels[window.lowerBound - 1]
        let highestClose = levels[iwm.startIndex..<window.lowerBound].max() ?? yearEnd
        let firstNeeded = min(largestFirstDay, highestClose - yearEnd + 0.002)
        if returns[0] < firstNeeded {
            let rest = returns.dropFirst().reduce(0, +)
            returns = [firstNeeded] + returns.dropFirst().map { $0 * (total - firstNeeded) / rest }
        }
        guard let smallest = returns.min(), smallest > smallestDailyGain else {
            throw SampleGenerationError(description: "IWM's \(window.count)-session climb leaves a day gaining less than \(smallestDailyGain)")
        }
        return returns
    }

    /// SPY returns that trail IWM's by a positive, varying margin and sum to `total`.
    private mutating func trailingReturns(_ leader: [Double], total: Double) -> [Double] {
        let gaps = randomShares(of: leader.reduce(0, +) - total, spread: 0.5...1.5)
        return zip(leader, gaps).map { $0 - $1 }
    }

    /// Noisy returns with the given beta to `market` that add up to `total`.
    private mutating func flatReturns(following market: [Double], beta: Double, total: Double) -> [Double] {
        let raw = market.map { beta * $0 + magsNoise * random.normal() }
        let correction = (raw.reduce(0, +) - total) / Double(raw.count)
        return raw.map { $0 - correction }
    }

    /// `window.count` positive numbers summing to `total`, each within `spread` of an equal share.
    private mutating func randomShares(of total: Double, spread: ClosedRange<Double>) -> [Double] {
        let weights = window.map { _ in random.uniform(in: spread) }
        let sum = weights.reduce(0, +)
        return weights.map { total * $0 / sum }
    }
}
