/// Coordinates printed with at most one decimal ("12.3", "40", "-0.5"): compact, and identical
/// on every run because the rounding is integer arithmetic.
enum SVGNumber {
    /// The value as it will print: to the nearest tenth.
    static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    /// The most bytes a number takes: a sign, 19 digits, a point and the tenth.
    static let maxLength = 22

    /// Appends the digits as UTF-8 bytes: a 252-point path is 504 numbers, and small `String`
    /// appends would cost more than the rest of the chart. Written through a pointer into the
    /// array's room (callgrind: about 180 instructions a number appended byte by byte, each
    /// append checking the array's uniqueness and capacity).
    static func append(_ value: Double, to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: maxLength) { room in
            room.withUnsafeMutableBufferPointer { buffer, written in
                written = write(value, to: buffer.baseAddress!)
            }
        }
    }

    static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the value's text at `target`, which has room for `maxLength` bytes, and returns
    /// its length.
    static func write(_ value: Double, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let tenths = value.isFinite ? nearestInteger(value * 10) : 0
        var position = target
        if tenths < 0 {
            position.pointee = UInt8(ascii: "-")
            position += 1
        }
        position += writeDigits(tenths.magnitude / 10, to: position)
        let decimal = tenths.magnitude % 10
        if decimal != 0 {
            position[0] = UInt8(ascii: ".")
            position[1] = UInt8(ascii: "0") + UInt8(decimal)
            position += 2
        }
        return position - target
    }

    /// `Int(value.rounded())` (a tie away from zero) in integer arithmetic: `rounded()` is a call
    /// into libm, about 35 instructions for each of a backfill's 4.3 million numbers (callgrind).
    /// The fraction is exact: below 1 in magnitude it is `value` itself, above it Sterbenz's
    /// lemma holds, and from 2^52 on every Double is an integer.
    static func nearestInteger(_ value: Double) -> Int {
        let truncated = Int(value)
        let fraction = value - Double(truncated)
        return fraction >= 0.5 ? truncated + 1 : fraction <= -0.5 ? truncated - 1 : truncated
    }

    /// Writes `number`'s decimal digits at `target` and returns how many: a chart's coordinates
    /// have four digits or fewer, each length written with constant divisors.
    private static func writeDigits(_ number: UInt, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let zero = UInt8(ascii: "0")
        switch number {
        case ..<10:
            target[0] = zero + UInt8(number)
            return 1
        case ..<100:
            target[0] = zero + UInt8(number / 10)
            target[1] = zero + UInt8(number % 10)
            return 2
        case ..<1000:
            target[0] = zero + UInt8(number / 100)
            target[1] = zero + UInt8(number / 10 % 10)
            target[2] = zero + UInt8(number % 10)
            return 3
        case ..<10000:
            target[0] = zero + UInt8(number / 1000)
            target[1] = zero + UInt8(number / 100 % 10)
            target[2] = zero + UInt8(number / 10 % 10)
            target[3] = zero + UInt8(number % 10)
            return 4
        default:
            let count = digitCount(number)
            var rest = number
            for index in stride(from: count - 1, through: 0, by: -1) {
                target[index] = zero + UInt8(rest % 10)
                rest /= 10
            }
            return count
        }
    }

    private static func digitCount(_ number: UInt) -> Int {
        var count = 1
        var rest = number / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}
