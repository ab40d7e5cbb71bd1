import Foundation
import Newsletter
import Testing
import TestSupport

@Suite struct FixedDecimalTests {
    /// The fast formatter prints what printf prints, halfway cases, negative zero, leading zeros
    /// after the point and results too long to be stored inline included.
    @Test func fixedMatchesPrintfOnHalfwaysAndRandomValues() {
        var random = RandomMarket(seed: 2026)
        let halfways = [0.05, 0.15, 0.25, 0.35, -0.45, 0.125, 1.25, 12.5, 100.5, 0.0049999, -0.005, 0, -0.0, 2.675, 1.005]
        let randoms = (0..<20_000).map { _ in (random.uniform() - 0.5) * [2, 200, 20_000, 0.02, 2e9][random.int(0...4)] }
        for value in halfways + randoms {
            for decimals in 0...6 {
                #expect(NumberStyle.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value)")
            }
        }
    }
}
