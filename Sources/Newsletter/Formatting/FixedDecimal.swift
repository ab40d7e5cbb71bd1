import Analytics

/// Prints a number with a fixed count of decimals, rounding the decimal it stands for halves away
/// from zero (`DecimalRounding`), without printf's cost: on Linux `String(format:)` took about
/// 7 µs a call, most of a chart's and much of a note's formatting.
enum FixedDecimal {
    /// `value` with `decimals` digits after the point; nil where the exact method does not apply
    /// (huge values, non-finite ones), and the caller falls back to printf.
    static func format(_ value: Double, decimals: Int) -> String? {
        guard let units = DecimalRounding.units(abs(value), decimals: decimals) else { return nil }
        // printf keeps the sign of a negative value that rounds to zero ("-0.0").
        return text(units, decimals: decimals, negative: value.sign == .minus)
    }

    /// 1234 with 1 decimal → "123.4"; 5 with 2 → "0.05"; a sign first when `negative`.
    static func text(_ units: Int, decimals: Int, negative: Bool) -> String {
        text(units, decimals: decimals, prefix: negative ? "-" : "", suffix: "")
    }

    /// `prefix`, the number and `suffix` ("+", "12.5", "%"), written once, from the number's last
    /// digit back, into the string's own storage, where a result of up to 15 bytes is kept inline
    /// (perf: building it in an array and inserting the point was two allocations a number).
    static func text(_ units: Int, decimals: Int, prefix: StaticString, suffix: StaticString) -> String {
        // `withUTF8Buffer`: a one-character literal is held as a scalar, without a UTF-8 pointer.
        prefix.withUTF8Buffer { prefix in
            suffix.withUTF8Buffer { suffix in text(units, decimals: decimals, prefix: prefix, suffix: suffix) }
        }
    }

    private static func text(_ units: Int, decimals: Int, prefix: UnsafeBufferPointer<UInt8>,
                             suffix: UnsafeBufferPointer<UInt8>) -> String {
        var digitCount = 1
        var rest = units / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        let integerDigits = max(digitCount - decimals, 1)
        let integerEnd = prefix.count + integerDigits
        let numberEnd = integerEnd + (decimals > 0 ? 1 + decimals : 0)
        let count = numberEnd + suffix.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            for (offset, byte) in prefix.enumerated() { buffer[offset] = byte }
            for (offset, byte) in suffix.enumerated() { buffer[numberEnd + offset] = byte }
            let whole = writeDigits(units, count: decimals, endingAt: numberEnd, in: buffer)
            if decimals > 0 { buffer[integerEnd] = UInt8(ascii: ".") }
            writeDigits(whole, count: integerDigits, endingAt: integerEnd, in: buffer)
            return count
        }
    }

    /// Writes the last `count` decimal digits of `value` (zeros where it has fewer) just before
    /// `end`, and returns `value` without them.
    @discardableResult
    static func writeDigits(_ value: Int, count: Int, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var rest = value, position = end
        while position > end - count {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return rest
    }
}
