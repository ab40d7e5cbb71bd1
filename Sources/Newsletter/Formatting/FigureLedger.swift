import Analytics
import MarketData

/// A number as printed in a note, with the fact it came from.
public struct Figure: Sendable, Hashable, Codable {
    /// Exactly as printed: "+7.6%", "10", "June 2008".
    public var text: String
    /// Where in `facts.json` the raw value lives, e.g. `series.IWM.returns.YTD`.
    public var source: String
    /// The raw value, when the figure is a number.
    public var value: Double?
}

/// Records every figure a note prints, so `facts.json` can show where each number came from and a
/// test can check that the note states nothing the facts do not hold.
public final class FigureLedger {
    public private(set) var figures: [Figure] = []
    private var seen: Set<Figure>

    /// Room for a busy note's figures (about 75), so the set is not rehashed as it grows (perf:
    /// the rehashing was about 0.6% of a backfill).
    public init() {
        seen = Set(minimumCapacity: 128)
    }

    @discardableResult
    func record(_ text: String, _ source: String, _ value: Double?) -> String {
        let figure = Figure(text: text, source: source, value: value)
        if seen.insert(figure).inserted { figures.append(figure) }
        return text
    }

    @discardableResult
    public func percent(_ fraction: Double, _ source: String, signed: Bool = true, decimals: Int = 1) -> String {
        record(NumberStyle.percent(fraction, decimals: decimals, signed: signed), source, fraction)
    }

    @discardableResult
    public func rate(_ value: Double, unit: String, _ source: String) -> String {
        record(NumberStyle.rate(value, unit: unit), source, value)
    }

    @discardableResult
    public func price(_ value: Double, _ source: String) -> String {
        record(NumberStyle.price(value), source, value)
    }

    @discardableResult
    public func count(_ value: Int, _ source: String) -> String {
        record(String(value), source, Double(value))
    }

    @discardableResult
    public func ordinal(_ value: Int, _ source: String) -> String {
        record(NumberStyle.ordinal(value), source, Double(value))
    }

    @discardableResult
    public func date(_ date: SessionDate, _ source: String, style: (SessionDate) -> String = NumberStyle.longDate) -> String {
        record(style(date), source, nil)
    }

    @discardableResult
    public func period(_ period: ObservationPeriod, _ source: String, short: Bool = false) -> String {
        record(short ? NumberStyle.shortPeriod(period) : NumberStyle.period(period), source, nil)
    }
}
