/// A Double's `description` for the numbers `facts.json` is made of (returns, ratios, chart
/// values: not integers, at least 0.001 and below 2^52 in magnitude), written as bytes.
///
/// The digits are the shortest that read back as the same Double, the closest to it when several
/// are as short (an even last digit on a tie): Giulietti's Schubfach, as the JDK's
/// `DoubleToDecimal` has it, with 10^n for n up to 22 as 126-bit numbers. The standard library's
/// formatting, through `TextOutputStream`, cost about 700 instructions a number, 9% of a
/// backfill's instructions (callgrind); this path costs about 370. `ShortestDecimalTests` holds
/// its text equal to `description`'s over 700,000 Doubles a run (800 million, once, in a
/// harness).
enum ShortestDecimal {
    /// The room `write` needs at `target`: it writes at most 22 bytes (a sign, "0.00" and 17
    /// digits), but copies eight bytes at a time past them.
    static let room = 48

    /// Writes `value`'s `description` at `target`, which has `room` bytes, and returns its
    /// length; nil for a value outside the range above (an integer, 0.000999…, 2^52).
    static func write(_ value: Double, to target: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = value.magnitude
        guard magnitude >= 0.001, magnitude < 0x1p52 else { return nil }
        let bits = magnitude.bitPattern
        let q = Int(bits >> 52) - 1075
        let c = bits & (1 << 52 - 1) | 1 << 52
        var (digits, exponent) = decimal(c, q)
        while digits % 10 == 0 { digits /= 10; exponent += 1 }
        let count = digitCount(digits)
        let whole = count + exponent  // digits before the point; none or negative below 1
        guard whole < count else { return nil }
        let sign = value < 0 ? 1 : 0
        target.pointee = UInt8(ascii: "-")
        let start = UnsafeMutableRawPointer(target + sign)
        // The digits as 24 characters, zero-padded, then the last `count` of them copied where
        // they go, 24 bytes at a time (the copies read into the padding after them).
        var text = (eightDigits(digits / 10_000_000_000_000_000), eightDigits(digits / 100_000_000 % 100_000_000),
                    eightDigits(digits % 100_000_000), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeBytes(of: &text) { characters in
            let first = characters.baseAddress! + 24 - count
            if whole > 0 {
                copy24(from: first, to: start)
                copy24(from: first + whole, to: start + whole + 1)
                start.storeBytes(of: UInt8(ascii: "."), toByteOffset: whole, as: UInt8.self)
                return sign + count + 1
            }
            start.storeBytes(of: UInt32(0x3030_2E30).littleEndian, as: UInt32.self)  // "0.00"
            copy24(from: first, to: start + 2 - whole)
            return sign + 2 - whole + count
        }
    }

    /// The eight decimal digits of `value` (below 10^8, zero-padded) as characters in memory
    /// order: halves, quarters and digits split in the lanes of one word at once.
    static func eightDigits(_ value: UInt64) -> UInt64 {
        let halves = value / 10_000 | (value % 10_000) << 32
        let hundreds = (halves &* 10_486) >> 20 & 0x7F_0000_007F  // each half ÷ 100
        let quarters = hundreds | (halves &- hundreds &* 100) << 16
        let tens = (quarters &* 103) >> 10 & 0x000F_000F_000F_000F  // each quarter ÷ 10
        let digits = tens | (quarters &- tens &* 10) << 8
        return (digits | 0x3030_3030_3030_3030).littleEndian
    }

    @inline(__always)
    private static func copy24(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
        for offset in stride(from: 0, to: 24, by: 8) {
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
        }
    }

    /// Schubfach for `c · 2^q` (`c` with its hidden bit, `q` such that the value is below 2^52):
    /// the decimal `digits · 10^exponent`, with trailing zeros. Two of its cases never decide the
    /// digits in this range, and stay as Schubfach has them: a power of two here (2^-1 … 2^-9)
    /// is a decimal of a few digits, whatever its lopsided interval; and an interval's end, half
    /// way between two Doubles, has 18 significant digits or more, so `out` never rules out a
    /// candidate.
    private static func decimal(_ c: UInt64, _ q: Int) -> (digits: UInt64, exponent: Int) {
        let out: UInt64 = c & 1  // an odd significand's interval leaves out its ends
        let cb = c << 2
        let cbr = cb + 2
        let cbl: UInt64
        let k: Int
        if c != 1 << 52 {
            cbl = cb - 2
            k = (q * 661_971_961_083) >> 41  // ⌊q·log10(2)⌋
        } else {
            cbl = cb - 1  // a power of two: the interval below is half as wide
            k = (q * 661_971_961_083 - 274_743_187_321) >> 41  // ⌊log10(¾·2^q)⌋
        }
        let h = q + ((-k * 913_124_641_741) >> 38) + 2  // q + ⌊-k·log2(10)⌋ + 2
        let g = powersOfTen[-k]
        let vb = roundedProduct(g, cb << h)
        let vbl = roundedProduct(g, cbl << h)
        let vbr = roundedProduct(g, cbr << h)
        let s = vb >> 2
        if s >= 100 {
            // One digit fewer, when exactly one of its two neighbours is inside the interval.
            let sp10 = 10 * (s / 10)
            let tp10 = sp10 + 10
            let upin = vbl + out <= sp10 << 2
            let wpin = (tp10 << 2) + out <= vbr
            if upin != wpin { return (upin ? sp10 : tp10, k) }
        }
        let t = s + 1
        let uin = vbl + out <= s << 2
        let win = (t << 2) + out <= vbr
        if uin != win { return (uin ? s : t, k) }
        let cmp = Int64(bitPattern: vb) - Int64(bitPattern: (s + t) << 1)
        return (cmp < 0 || cmp == 0 && s & 1 == 0 ? s : t, k)
    }

    /// `g · cp / 2^126`, rounded to odd: the last bit says whether anything was cut off.
    @inline(__always)
    private static func roundedProduct(_ g: (high: UInt64, low: UInt64), _ cp: UInt64) -> UInt64 {
        let mask: UInt64 = 1 << 63 - 1
        let x1 = g.low.multipliedFullWidth(by: cp).high
        let y = g.high.multipliedFullWidth(by: cp)
        let z = (y.low >> 1) + x1
        let vbp = y.high + (z >> 63)
        return vbp | (((z & mask) + mask) >> 63)
    }

    /// The number of decimal digits of `value` (at least 1): from its bit length, then one
    /// comparison.
    private static func digitCount(_ value: UInt64) -> Int {
        let estimate = ((64 - value.leadingZeroBitCount) * 1233) >> 12  // ⌊bits·log10(2)⌋
        return estimate + (value >= powersOfTenUpTo19[estimate] ? 1 : 0)
    }

    private static let powersOfTenUpTo19: [UInt64] = (0...19).map { n in (0..<n).reduce(1) { power, _ in power * 10 } }

    /// For n from 0 to 22, `g = ⌊10^n · 2^s⌋ + 1` with `2^125 ≤ 10^n · 2^s < 2^126`, split
    /// into its 63 high bits and 63 low bits (Schubfach's table; exact here, 10^n being
    /// below 2^126).
    static let powersOfTen: [(high: UInt64, low: UInt64)] = (0...22).map { n in
        var power: UInt128 = 1
        for _ in 0..<n { power *= 10 }
        let g = power << (power.leadingZeroBitCount - 2) + 1
        return (UInt64(truncatingIfNeeded: g >> 63), UInt64(truncatingIfNeeded: g) & (1 << 63 - 1))
    }
}
