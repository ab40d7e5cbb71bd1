import Foundation

/// Random traits of one benchmark-universe symbol: how it tracks the market and how it trades.
struct SyntheticSymbol {
    let beta: Double
    /// Idiosyncratic volatility as a multiple of the market's.
    let idiosyncraticRatio: Double
    /// Daily log drift.
    let drift: Double
    let startPrice: Double
    let volume: VolumeModel
    let dividends: DividendSchedule

    init(random: inout RandomStream) {
        beta = random.uniform(in: 0.5...1.6)
        idiosyncraticRatio = random.uniform(in: 0.6...2.2)
        drift = random.uniform(in: 0.0...0.12) / VolatilitySchedule.tradingDaysPerYear
        startPrice = exp(random.uniform(in: log(8)...log(250)))
        let typicalLog10 = random.uniform(in: 5.0...7.5)
        volume = VolumeModel(typicalLog10: PiecewiseLinear([.init(x: 0, y: typicalLog10)]))
        dividends = DividendSchedule(annualYield: random.uniform(in: 0...0.035), payoutMonths: [3, 6, 9, 12])
    }

    var volatilityMultiple: Double {
        (beta * beta + idiosyncraticRatio * idiosyncraticRatio).squareRoot()
    }
}
