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
        return (value.sign == .minus ? "-" : "") + digits(units, decimals: decimals)
    }

    /// 1234 with 1 decimal → "123.4"; 5 with 2 → "0.05".
    /// On the ASCII bytes: `String.insert` at an index was about 1% of a backfill (perf).
    static func digits(_ units: Int, decimals: Int) -> String {
        if decimals == 0 { return String(units) }
        var text = Array(String(units).utf8)
        if text.count <= decimals { text.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals + 1 - text.count), at: 0) }
        text.insert(UInt8(ascii: "."), at: text.count - decimals)
        return String(decoding: text, as: UTF8.self)
    }
}
