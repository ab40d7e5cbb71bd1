import Newsletter
import Foundation

/// "Nice" ticks for fractions shown as percentages: multiples of 1, 2 or 5 × 10ⁿ that cover the
/// values and zero, labelled like the note ("+5%", "0%", "−5%").
struct PercentTicks {
    let values: [Double]
    /// One per value, with enough decimals for the step (0 for 5%, 1 for 0.5%).
    let labels: [String]

    init(covering lower: Double, _ upper: Double, maxIntervals: Int = 4) {
        let low = min(lower, 0), high = max(upper, 0)
        let (digit, exponent) = Self.step(for: max(high - low, 0.0001) / Double(maxIntervals))
        let step = Self.value(digit, exponent)
        let first = Int((low / step).rounded(.down)), last = Int((high / step).rounded(.up))
        let values = (first...max(last, first + 1)).map { Self.value($0 * digit, exponent) }
        self.values = values
        labels = values.map { NumberStyle.percent($0, decimals: max(0, -(exponent + 2))) }
    }

    var domain: ClosedRange<Double> { values.first!...values.last! }

    /// The smallest 1, 2 or 5 × 10ⁿ at least `rough`, as (1, 2 or 5; n).
    static func step(for rough: Double) -> (digit: Int, exponent: Int) {
        let exponent = Int(log10(rough).rounded(.down))
        let digit = [1, 2, 5].first { value($0, exponent) >= rough * (1 - 1e-9) }
        return digit.map { ($0, exponent) } ?? (1, exponent + 1)
    }

    /// `units` × 10^`exponent`, by one correctly rounded division or product: −15 × 10⁻² is −0.15
    /// exactly as written, where −3 × 0.05 would be −0.15000000000000002.
    static func value(_ units: Int, _ exponent: Int) -> Double {
        exponent < 0 ? Double(units) / pow(10, Double(-exponent)) : Double(units) * pow(10, Double(exponent))
    }
}
