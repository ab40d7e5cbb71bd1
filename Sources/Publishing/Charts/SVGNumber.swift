/// Coordinates printed with at most one decimal ("12.3", "40", "-0.5"): compact, and identical
/// on every run because the rounding is integer arithmetic.
enum SVGNumber {
    /// The value as it will print: to the nearest tenth.
    static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// Appends the digits as UTF-8 bytes: a 252-point path is 504 numbers, and small `String`
    /// appends would cost more than the rest of the chart.
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        let tenths = value.isFinite ? Int((value * 10).rounded()) : 0
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(abs(tenths) / 10, to: &bytes)
        let decimal = abs(tenths) % 10
        if decimal != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(decimal))
        }
    }

    static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendDigits(_ number: Int, to bytes: inout [UInt8]) {
        let zero = UInt8(ascii: "0")
        switch number {
        case 0..<10:
            bytes.append(zero + UInt8(number))
        case 10..<100:
            bytes.append(zero + UInt8(number / 10))
            bytes.append(zero + UInt8(number % 10))
        case 100..<1000:
            bytes.append(zero + UInt8(number / 100))
            bytes.append(zero + UInt8(number / 10 % 10))
            bytes.append(zero + UInt8(number % 10))
        default:
            appendLongDigits(number, to: &bytes)
        }
    }

    static func appendLongDigits(_ number: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }
}
