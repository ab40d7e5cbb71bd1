import Dispatch
import Foundation

/// Unconstrained synthetic universe for scaling benchmarks: one shared market factor plus per-symbol beta, noise, drift and level.
struct UniverseBuilder {
    let symbolCount: Int
    let years: Int
    let seed: UInt64

    /// Paths reflect off $1 so thinly priced names never round to zero.
    private let floorLogPrice = 0.0

    /// Writes `S0001.csv`… in parallel (each symbol has its own random stream, so output does not depend on scheduling)
    /// and returns the number of rows per file.
    func write(to directory: URL) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let last = SampleConstraints.lastSession
        let calendar = TradingCalendar(from: CalendarDate(year: last.year - years, month: last.month, day: last.day), through: last)
        var marketStream = RandomStream(seed: seed, stream: .universeMarket)
        let shocks = MarketShocks(calendar: calendar, schedule: .usMarket, random: &marketStream)
        let encoder = YahooCSVEncoder(calendar: calendar)
        let failures = FailureCollector()
        DispatchQueue.concurrentPerform(iterations: symbolCount) { offset in
            do {
                try writeSymbol(offset + 1, calendar: calendar, shocks: shocks, encoder: encoder, directory: directory)
            } catch {
                failures.record("S\(offset + 1): \(error)")
            }
        }
        if let failure = failures.first {
            throw SampleGenerationError(description: "could not write the universe: \(failure)")
        }
        return calendar.count
    }

    private func writeSymbol(_ number: Int, calendar: TradingCalendar, shocks: MarketShocks, encoder: YahooCSVEncoder, directory: URL) throws {
        var random = RandomStream(seed: seed, stream: StreamID.universeSymbolBase.rawValue + UInt64(number))
        let bars = symbolBars(calendar: calendar, shocks: shocks, random: &random)
        let name = "S\(number.zeroPadded(to: max(4, String(symbolCount).count))).csv"
        try Data(encoder.encode(bars)).write(to: directory.appendingPathComponent(name))
    }

    private func symbolBars(calendar: TradingCalendar, shocks: MarketShocks, random: inout RandomStream) -> [DailyBar] {
        let symbol = SyntheticSymbol(random: &random)
        let returns = logReturns(symbol, shocks: shocks, random: &random)
        let closes = prices(from: returns, start: symbol.startPrice)
        let volatility = shocks.sigma.map { $0 * symbol.volatilityMultiple }
        var bars = BarBuilder(calendar: calendar).bars(closes: closes, volatility: volatility, range: 0..<calendar.count, random: &random)
        symbol.volume.apply(to: &bars, returns: returns, volatility: volatility, random: &random)
        symbol.dividends.apply(to: &bars, calendar: calendar)
        return bars
    }

    private func logReturns(_ symbol: SyntheticSymbol, shocks: MarketShocks, random: inout RandomStream) -> [Double] {
        shocks.z.indices.map { index in
            guard index > 0 else { return 0 }
            let idiosyncratic = symbol.idiosyncraticRatio * shocks.sigma[index] * random.studentT(degreesOfFreedom: 5, cap: 4)
            return symbol.drift + symbol.beta * shocks.move(at: index) + idiosyncratic
        }
    }

    /// Cumulates log returns into prices, reflecting off the floor.
    private func prices(from returns: [Double], start: Double) -> [Double] {
        var level = log(start)
        return returns.map { change in
            level += change
            if level < floorLogPrice { level = 2 * floorLogPrice - level }
            return exp(level)
        }
    }
}
