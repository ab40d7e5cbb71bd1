@testable import Publishing
import TestSupport
import Testing

/// `ShortestDecimal` must write exactly what `description` writes, wherever it answers at all.
@Suite struct ShortestDecimalTests {
    private func text(_ value: Double) -> String? {
        var buffer = [UInt8](repeating: 0, count: ShortestDecimal.room)
        let length = buffer.withUnsafeMutableBufferPointer { ShortestDecimal.write(value, to: $0.baseAddress!) }
        return length.map { String(decoding: buffer[..<$0], as: UTF8.self) }
    }

    /// Counts the values whose text is not `description`'s, recording the first few.
    private func mismatches(_ values: [Double]) -> Int {
        var count = 0
        for value in values where text(value) != value.description {
            count += 1
            if count <= 5 { Issue.record("\(value.description): \(text(value) ?? "nil")") }
        }
        return count
    }

    /// Any bit pattern from 0.001 up to 2^52, either sign, that is not a whole number.
    @Test func randomDoublesInItsRangeWriteAsTheirDescription() {
        var random = RandomMarket(seed: 52)
        let low = (0.001).bitPattern, high = (0x1p52).bitPattern
        let values = (0..<300_000).map { index in
            let value = Double(bitPattern: low + random.next() % (high - low))
            return index % 2 == 0 ? value : -value
        }.filter { $0 != $0.rounded() }
        #expect(values.count > 290_000)
        #expect(mismatches(values) == 0)
    }

    /// The numbers a note is made of: prices to the cent, their ratios and returns, decimals of
    /// 15, 16 and 17 digits, values a step either side of a power of two (whose interval is
    /// lopsided) or of ten.
    @Test func pricesReturnsAndEdgesWriteAsTheirDescription() {
        var random = RandomMarket(seed: 17)
        var values: [Double] = []
        for _ in 0..<50_000 {
            let price = Double(random.int(100...9_999_999)) / 100
            let other = Double(random.int(100...9_999_999)) / 100
            values += [price, price / other, price / other - 1, other / price - 1, price * 1.0005]
        }
        for digits in 15...17 {
            for _ in 0..<20_000 {
                let mantissa = (0..<digits).map { _ in String(random.int(0...9)) }.joined()
                let point = random.int(-2...14)
                let text = point <= 0 ? "0." + String(repeating: "0", count: -point) + mantissa
                    : String(mantissa.prefix(point)) + "." + mantissa.dropFirst(point)
                values.append(Double(text)!)
            }
        }
        for exponent in -9...51 {
            var value = Double(sign: .plus, exponent: exponent, significand: 1)
            for _ in 0..<4 { value = value.nextDown }
            for _ in 0..<8 { values.append(value); value = value.nextUp }
        }
        for exponent in -3...15 {
            var value = Double("1e\(exponent)")!
            for _ in 0..<4 { value = value.nextDown }
            for _ in 0..<8 { values.append(value); value = value.nextUp }
        }
        values = values.filter { abs($0) >= 0.001 && abs($0) < 0x1p52 && $0 != $0.rounded() }
        #expect(values.count > 300_000)
        #expect(mismatches(values) == 0)
    }

    /// A number below 10^8 becomes its eight digits, zero-padded, in memory order.
    @Test func eightDigitWordsSpellTheirNumber() {
        var random = RandomMarket(seed: 8)
        for value in [0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 99_999_999] + (0..<100_000).map({ _ in random.next() % 100_000_000 }) {
            var word = ShortestDecimal.eightDigits(value)
            let text = withUnsafeBytes(of: &word) { String(decoding: $0, as: UTF8.self) }
            #expect(text == String(repeating: "0", count: 8 - String(value).count) + String(value))
        }
    }

    /// Outside its range it writes nothing and the standard library answers.
    @Test func leavesWholeNumbersTinyAndHugeValuesToTheStandardLibrary() {
        for value in [0, 1, -3, 0.001.nextDown, 0.0009, 1e-7, 0x1p52, 1e17, .infinity, .nan, -0.0004] {
            #expect(text(value) == nil, "\(value)")
        }
        #expect(text(0.001) == "0.001")
        #expect(text(-0.001) == "-0.001")
        #expect(text(0x1p52.nextDown) == "4503599627370495.5")
    }
}
