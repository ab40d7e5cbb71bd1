import Foundation

/// Turns closing prices into daily bars: an open near the prior close, wicks scaled by the day's volatility, cents rounding.
struct BarBuilder {
    let calendar: TradingCalendar
    /// Opening-gap and wick sizes as fractions of the day's volatility.
    private let gapScale = 0.25
    private let wickScale = 0.4
    /// Caps on the normal draws, so one extreme draw cannot produce an absurd bar.
    private let gapCap = 2.5
    private let wickCap = 2.5

    /// Bars for sessions `range`; `volatility` is the instrument's daily volatility per calendar session.
    func bars(closes: [Double], volatility: [Double], range: Range<Int>, random: inout RandomStream) -> [DailyBar] {
        var bars: [DailyBar] = []
        bars.reserveCapacity(range.count)
        for index in range {
            let previous = index > range.lowerBound ? closes[index - 1] : closes[index]
            bars.append(bar(at: index, previousClose: previous, close: closes[index], sigma: volatility[index], random: &random))
        }
        return bars
    }

    private func bar(at index: Int, previousClose: Double, close: Double, sigma: Double, random: inout RandomStream) -> DailyBar {
        let gap = gapScale * sigma * min(gapCap, max(-gapCap, random.normal()))
        let open = previousClose * exp(gap)
        // Rounding is monotone, so ordering in dollars survives rounding to cents.
        let high = max(open, close) * exp(wickScale * sigma * min(wickCap, abs(random.normal())))
        let low = min(open, close) * exp(-wickScale * sigma * min(wickCap, abs(random.normal())))
        let closeCents = cents(close)
        return DailyBar(session: index, date: calendar.sessions[index], open: cents(open), high: cents(high),
                        low: max(1, cents(low)), close: closeCents, adjClose: closeCents, volume: 0)
    }

    private func cents(_ price: Double) -> Int {
        FixedDecimal.scaled(price, decimals: 2)
    }
}
