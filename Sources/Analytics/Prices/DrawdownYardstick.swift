/// The usual yardsticks of a fall from the record close: 10% below it is a correction, 20% a bear
/// market. A distance reaches one as a note prints it, to 0.01%: a close of 90.00 under a record
/// close of 100.00 is 10% below (90 / 100 − 1 is −0.0999…98 in binary), a close printed "20.00%
/// below" is in a bear market, and one printed "19.99% below" is not.
public enum DrawdownYardstick: Double, Sendable, CaseIterable {
    case correction = -0.10
    case bearMarket = -0.20

    /// The decimals of the percentage a note prints a distance near a yardstick with ("19.99%").
    public static let printedDecimals = 2

    /// Whether `drawdown` (a fraction, negative below the record) is this far below, at 0.01%.
    public func isReached(by drawdown: Double) -> Bool {
        Self.percent(drawdown, decimals: Self.printedDecimals) <= Self.percent(rawValue, decimals: Self.printedDecimals)
    }

    /// Whether `close` has risen 20% from `low`, the end of a bear market, at the same 0.01%: a close
    /// of 12.36 after a low of 10.30 has (10.3 × 1.2 is 12.360000000000001 in binary).
    public static func hasRecovered(to close: Double, from low: Double) -> Bool {
        percent(close / low - 1, decimals: printedDecimals) >= percent(-bearMarket.rawValue, decimals: printedDecimals)
    }

    /// Whether one decimal prints the yardstick for a distance that two decimals tell apart from
    /// it: 19.96% below is "20.0%" at one decimal, beside "in correction territory".
    public func roundsOntoItAtOneDecimalOnly(_ drawdown: Double) -> Bool {
        let yardstick = Self.percent(rawValue, decimals: 1)
        return Self.percent(drawdown, decimals: 1) == yardstick && Self.percent(drawdown, decimals: Self.printedDecimals) != yardstick
    }

    /// A fraction in percent, rounded as a note prints it.
    static func percent(_ fraction: Double, decimals: Int) -> Double {
        DecimalRounding.rounded(fraction * 100, decimals: decimals)
    }
}
