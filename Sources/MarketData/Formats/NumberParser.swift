import Foundation

/// Converts decimal text to `Double` exactly as `strtod` would, with a fast path for the plain
/// decimals that price files are made of.
public enum NumberParser {
    /// Powers of ten that a `Double` holds exactly. A literal, so the compiler lays the array out
    /// statically: built by a closure, it was initialised lazily and checked on every number.
    private static let exactPowers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                                1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// Nil unless the bytes are a finite decimal number (`12`, `-3.25`, `1e-4`, `.5`).
    public static func double(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        if let value = plainDecimal(UnsafeBufferPointer(rebasing: bytes)) { return value }
        guard isDecimalSyntax(bytes) else { return nil }
        return slowParse(bytes)
    }

    public static func double(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { double($0[...]) }
    }

    /// Why `text` was rejected, when there is more to say than "not a number": NaN and
    /// infinities, spaces or control characters around the digits, a decimal comma, a number too
    /// large for a `Double`.
    public static func hint(forRejected text: String) -> String? {
        let visible = ControlCharacters.removed(text)
        if visible != text, double(visible) != nil { return "remove the control characters (shown escaped) from the number" }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed != text, double(trimmed) != nil { return "remove the spaces around the number" }
        if ["nan", "inf", "infinity"].contains(trimmed.lowercased().trimmingCharacters(in: ["+", "-"])) {
            return "NaN and infinity are not values; fix the row or leave it out"
        }
        if trimmed.wholeMatch(of: /[+-]?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+/) != nil {
            return "leave out the thousands separators: write \(trimmed.replacingOccurrences(of: ",", with: ""))"
        }
        if trimmed.contains(","), double(trimmed.replacingOccurrences(of: ",", with: ".")) != nil {
            return "write the decimal point as '.', not ','"
        }
        if Double(trimmed)?.isInfinite == true { return "the number is too large to be a price or a value" }
        if trimmed.lowercased() == "null" {
            return "a row whose prices are all 'null' (Yahoo's day without trading) is left out; this one has numbers too: fix it or remove it"
        }
        return nil
    }

    /// Clinger's fast path: with no exponent, a mantissa of at most 2^53 and at most 22 digits
    /// after the point, the mantissa and the power of ten are both exact doubles, so one
    /// correctly rounded division gives the correctly rounded result. Anything else is left to
    /// `strtod`.
    ///
    /// On a buffer rather than a slice: a slice checks every index against its bounds and its
    /// base's (perf: this parse was a tenth of loading a 500-file universe). The digits before
    /// and after the point are two tight loops, with the checks made once at the end, where a
    /// loop checked the point and leading zeros at every byte: the S&P 500's eleven-byte prices
    /// took 280 instructions each, now 150 (callgrind).
    private static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let end = bytes.count
        let negative = bytes[0] == UInt8(ascii: "-")
        var index = negative || bytes[0] == UInt8(ascii: "+") ? 1 : 0
        var mantissa: UInt64 = 0
        let integerStart = index
        accumulateDigits(bytes, &index, into: &mantissa)
        let integerDigits = index - integerStart
        var fractionDigits = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            accumulateDigits(bytes, &index, into: &mantissa)
            fractionDigits = index - fractionStart
        }
        // Nineteen digits cannot overflow 64 bits; leading zeros add nothing to the mantissa.
        let digits = integerDigits + fractionDigits
        guard index == end, digits > 0, digits <= 19, mantissa <= 1 << 53, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / exactPowers[fractionDigits]
        return negative ? -value : value
    }

    /// Appends the digits from `index` to `mantissa`, leaving `index` at the first other byte.
    @inline(__always)
    private static func accumulateDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, into mantissa: inout UInt64) {
        while index < bytes.count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
    }

    /// Digits with an optional sign, point and exponent; rejects `nan`, `inf`, hex and spaces,
    /// which `strtod` would otherwise accept.
    private static func isDecimalSyntax(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = bytes.startIndex
        func skipDigits() -> Int {
            let start = index
            while index < bytes.endIndex, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return index - start
        }
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissaDigits = skipDigits()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += skipDigits()
        }
        guard mantissaDigits > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    private static func slowParse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var buffer = [CChar](repeating: 0, count: bytes.count + 1)
        for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
        let value = strtod(buffer, nil)
        return value.isFinite ? value : nil
    }
}
