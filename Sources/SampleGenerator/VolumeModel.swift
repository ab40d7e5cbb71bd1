import Foundation

/// Daily share volume: a slowly changing typical level by date, lognormal noise, and heavier trading on big moves.
struct VolumeModel: Sendable {
    /// log10 of typical daily share volume by date.
    let typicalLog10: PiecewiseLinear

    func apply(to bars: inout [DailyBar], returns: [Double], volatility: [Double], random: inout RandomStream) {
        for index in bars.indices {
            let session = bars[index].session
            let surprise = min(4, abs(returns[session]) / volatility[session])
            let typical = pow(10, typicalLog10.value(on: bars[index].date))
            let noise = exp(0.25 * random.normal() - 0.03)
            bars[index].volume = Int((typical * noise * (0.55 + 0.45 * surprise)).rounded())
        }
    }
}
