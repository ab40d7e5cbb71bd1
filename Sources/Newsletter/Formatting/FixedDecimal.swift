/// Prints a number with a fixed count of decimals exactly as `String(format: "%.Nf")` does
/// (glibc rounds the exact binary value to nearest, ties to even), without its cost: on Linux
/// `String(format:)` took about 7 µs a call, most of a chart's and much of a note's formatting.
enum FixedDecimal {
    static let powersOfTen: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    /// `value` with `decimals` digits after the point; nil where the exact method below does not
    /// apply (huge values, non-finite ones), and the caller falls back to printf.
    static func format(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite, powersOfTen.indices.contains(decimals) else { return nil }
        let magnitude = abs(value)
        let scale = powersOfTen[decimals]
        let product = magnitude * scale
        guard product < 0x1p50 else { return nil }
        // The product's rounding error, exactly (a fused multiply-add): product + error is
        // magnitude × scale exactly, and the sign of (fraction − ½) + error decides the rounding.
        let error = (-product).addingProduct(magnitude, scale)
        let floor = product.rounded(.down)
        let aboveHalf = (product - floor - 0.5) + error
        let whole = Int(floor)
        let units = aboveHalf > 0 || (aboveHalf == 0 && whole % 2 == 1) ? whole + 1 : whole
        // printf keeps the sign of a negative value that rounds to zero ("-0.0").
        return text(units, decimals: decimals, negative: value.sign == .minus)
    }

    /// 1234 with 1 decimal → "123.4"; 5 with 2 → "0.05"; a sign first when `negative`.
    /// Written once, from the last digit back, into the string's own storage, where a result of
    /// up to 15 bytes is kept inline (perf: building it in an array and inserting the point was
    /// two allocations a number).
    static func text(_ units: Int, decimals: Int, negative: Bool) -> String {
        var digitCount = 1
        var rest = units / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        let signCount = negative ? 1 : 0
        let count = signCount + max(digitCount - decimals, 1) + (decimals > 0 ? 1 + decimals : 0)
        return String(unsafeUninitializedCapacity: count) { buffer in
            var remaining = units
            var index = count - 1
            for _ in 0..<decimals {
                buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                index -= 1
            }
            if decimals > 0 {
                buffer[index] = UInt8(ascii: ".")
                index -= 1
            }
            while index >= signCount {
                buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                index -= 1
            }
            if negative { buffer[0] = UInt8(ascii: "-") }
            return count
        }
    }
}
