import Foundation

/// Builds correlated log-return paths: beta × market shock plus idiosyncratic fat-tailed noise, bridged through the anchors.
struct PricePathBuilder {
    let calendar: TradingCalendar
    let shocks: MarketShocks
    /// Anchors are plausible levels, not exact closes: each is moved by about this much (log) so closes are not suspiciously round.
    private let anchorJitter = 0.004

    func path(for profile: InstrumentProfile, random: inout RandomStream) -> LogPath {
        guard let start = calendar.firstIndex(onOrAfter: profile.firstSession) else {
            preconditionFailure("\(profile.symbol) starts after the calendar ends")
        }
        var increments = [Double](repeating: 0, count: calendar.count)
        var volatilities = [Double](repeating: 0, count: calendar.count)
        for index in (start + 1)..<calendar.count {
            let idiosyncratic = profile.idiosyncraticRatio * shocks.sigma[index] * random.studentT(degreesOfFreedom: 5, cap: 4)
            increments[index] = profile.marketBeta * shocks.move(at: index) + idiosyncratic
            volatilities[index] = profile.volatilityMultiple * shocks.sigma[index]
        }
        let pins = pins(for: profile, random: &random)
        let levels = BrownianBridge.levels(increments: increments, volatilities: volatilities, pins: pins)
        return LogPath(startIndex: start, startLogLevel: levels[start], returns: returns(from: levels, start: start))
    }

    private func pins(for profile: InstrumentProfile, random: inout RandomStream) -> [BrownianBridge.Pin] {
        profile.anchors.compactMap { anchor in
            let jitter = anchorJitter * random.normal()
            return calendar.firstIndex(onOrAfter: anchor.date).map { BrownianBridge.Pin(index: $0, logLevel: log(anchor.close) + jitter) }
        }
    }

    private func returns(from levels: [Double], start: Int) -> [Double] {
        var returns = [Double](repeating: 0, count: levels.count)
        for index in (start + 1)..<levels.count {
            returns[index] = levels[index] - levels[index - 1]
        }
        return returns
    }
}
