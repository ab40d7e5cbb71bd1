/// Fixed-decimal text for scaled integers (cents, tenths), written straight into byte buffers for speed.
enum FixedDecimal {
    private static let zero = UInt8(ascii: "0")

    /// `value` scaled by 10^decimals and rounded half away from zero.
    static func scaled(_ value: Double, decimals: Int) -> Int {
        Int((value * power(decimals)).rounded())
    }

    /// Appends e.g. `12345` with 2 decimals as `123.45`, or `-5` with 1 decimal as `-0.5`.
    static func append(_ scaledValue: Int, decimals: Int, to buffer: inout [UInt8]) {
        if scaledValue < 0 { buffer.append(UInt8(ascii: "-")) }
        let divisor = UInt(power(decimals))
        let magnitude = scaledValue.magnitude
        appendInteger(magnitude / divisor, to: &buffer)
        guard decimals > 0 else { return }
        buffer.append(UInt8(ascii: "."))
        var place = divisor / 10
        while place > 0 {
            buffer.append(zero + UInt8(magnitude / place % 10))
            place /= 10
        }
    }

    static func appendInteger(_ value: UInt, to buffer: inout [UInt8]) {
        if value >= 10 { appendInteger(value / 10, to: &buffer) }
        buffer.append(zero + UInt8(value % 10))
    }

    static func string(_ scaledValue: Int, decimals: Int) -> String {
        var buffer: [UInt8] = []
        append(scaledValue, decimals: decimals, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private static func power(_ decimals: Int) -> Double {
        (0..<decimals).reduce(1.0) { value, _ in value * 10 }
    }
}
