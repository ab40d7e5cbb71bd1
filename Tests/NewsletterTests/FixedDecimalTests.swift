import Foundation
import Newsletter
import Testing
import TestSupport

@Suite struct FixedDecimalTests {
    /// The shortest decimal that reads back as `value` (what the data stated), rounded halves away
    /// from zero with Foundation's Decimal, printed with printf (exact once rounded).
    private func reference(_ value: Double, decimals: Int) -> String {
        var stated = Decimal(string: "\(value)")!
        var rounded = Decimal()
        NSDecimalRound(&rounded, &stated, decimals, .plain)
        let text = String(format: "%.\(decimals)f", NSDecimalNumber(decimal: rounded).doubleValue)
        // printf keeps the sign of a negative value that rounds to zero ("-0.0").
        return value.sign == .minus && !text.hasPrefix("-") ? "-" + text : text
    }

    /// The fast formatter rounds the decimal a number stands for, on random values, leading zeros
    /// after the point, negative zero and results too long to be stored inline included.
    @Test func fixedRoundsTheDecimalAValueStandsFor() {
        var random = RandomMarket(seed: 2026)
        let values = [0.0049999, -0.005, 0, -0.0, 0.001234] + (0..<20_000).map { _ in
            (random.uniform() - 0.5) * [2, 200, 20_000, 0.02, 2e9][random.int(0...4)]
        }
        for value in values {
            for decimals in 0...6 {
                // A half of more than 15 significant digits is no decimal a Double tells apart:
                // the binary value decides, as printf's.
                let expected = abs(value) * pow(10, Double(decimals)) < 1e14
                    ? reference(value, decimals: decimals) : String(format: "%.\(decimals)f", value)
                #expect(NumberStyle.fixed(value, decimals: decimals) == expected, "\(value)")
            }
        }
    }

    /// Halves round away from zero, whatever the binary value: 0.15 is 0.1499… in binary and
    /// printed "0.1" beside 0.05's "0.1", and 2.25 printed "2.2" (the edge-case audit).
    @Test func halvesOfTheStatedDecimalRoundAwayFromZero() {
        let cases: [(Double, Int, String)] = [
            (0.05, 1, "0.1"), (0.15, 1, "0.2"), (0.25, 1, "0.3"), (2.25, 1, "2.3"), (-0.45, 1, "-0.5"),
            (2.675, 2, "2.68"), (1.005, 2, "1.01"), (0.125, 2, "0.13"), (12.5, 0, "13"), (1_320_000.125, 2, "1320000.13"),
        ]
        for (value, decimals, text) in cases {
            #expect(NumberStyle.fixed(value, decimals: decimals) == text, "\(value)")
        }
    }

    /// A return of exactly a half, computed from decimal prices, is a half: 2003 after 2000 is
    /// +0.15% (binary 0.150000…6) and 2008.0075 after 2003 +0.25% (binary 0.249999…5); both
    /// round up, where printf made the second +0.2%.
    @Test func aReturnOfExactlyAHalfRoundsAwayFromZero() {
        #expect(NumberStyle.percent(2003.0 / 2000 - 1) == "+0.2%")
        #expect(NumberStyle.percent(2008.0075 / 2003 - 1) == "+0.3%")
        #expect(NumberStyle.percent(1999.0 / 2000 - 1) == "\u{2212}0.1%")
        #expect(NumberStyle.percent(100.25 / 100 - 1, decimals: 2) == "+0.25%")
    }
}
