/// How one ETF is synthesised: where it starts, the levels it passes through and how it relates to the market.
struct InstrumentProfile: Sendable {
    let symbol: String
    let name: String
    let firstSession: CalendarDate
    let anchors: [PriceAnchor]
    let marketBeta: Double
    /// Idiosyncratic volatility as a multiple of the market's, so it also spikes in crises.
    let idiosyncraticRatio: Double
    let dividends: DividendSchedule
    let volume: VolumeModel
    let pathStream: StreamID
    let barStream: StreamID

    /// Total volatility as a multiple of the market's.
    var volatilityMultiple: Double {
        (marketBeta * marketBeta + idiosyncraticRatio * idiosyncraticRatio).squareRoot()
    }
}
