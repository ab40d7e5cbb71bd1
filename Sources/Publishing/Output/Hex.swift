/// Lowercase hexadecimal, the form of every digest marketnote writes (in the publication record,
/// `notes/index.json` and Message-IDs).
enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    /// The value of one of `digits`; nil for any other byte.
    static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }

    /// Writes all of `value`'s digits, leading zeros included, into `buffer` from `count`, which
    /// it advances: fixed-width fields that are compared as text.
    static func writePadded<T: FixedWidthInteger & UnsignedInteger>(_ value: T, to buffer: UnsafeMutableBufferPointer<UInt8>,
                                                                    at count: inout Int) {
        for shift in stride(from: T.bitWidth - 4, through: 0, by: -4) {
            buffer[count] = digits[Int(truncatingIfNeeded: value >> shift) & 0xF]
            count += 1
        }
    }

    /// All of `value`'s digits, leading zeros included ("00c0ffee" for a `UInt32`).
    static func padded<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> String {
        String(unsafeUninitializedCapacity: T.bitWidth / 4) { buffer in
            var count = 0
            writePadded(value, to: buffer, at: &count)
            return count
        }
    }
}
