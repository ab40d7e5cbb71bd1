#if canImport(Glibc)
import Glibc
#endif
import MarketData

/// A digest of the inputs a page was rendered from, stable across processes (unlike `Hasher`,
/// which is seeded per process), so a later build can tell that a page would come out the same
/// and keep it instead of rendering it again. FNV-1a over 64 bits: the inputs are the build's own
/// data, not an adversary's, and a page with a changed input differs in its digest except with a
/// chance of 2⁻⁶⁴.
public struct InputDigest: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds a string, followed by a separator byte, so that "ab"+"c" and "a"+"bc" differ.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
        add(byte: 0xFF)
    }

    public mutating func add(_ number: Int) { add(String(number)) }

    /// Adds a date as `add(date.description)` does, from its bytes.
    public mutating func add(_ date: SessionDate) {
        date.withISOBytes { add(bytes: $0) }
        add(byte: 0xFF)
    }

    public mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }

    /// Adds a 64-bit word in one FNV-1a step, after scrambling its bits (MurmurHash3's finalizer):
    /// a multiplication carries a difference only toward the high bits, so words that differ only
    /// there (prices halved or doubled, which change a `Double`'s exponent) would otherwise leave
    /// the digest differing in its top bits alone, and a whole month of them match by chance.
    public mutating func add(word: UInt64) {
        var mixed = word
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        value = (value ^ mixed) &* 0x0000_0100_0000_01B3
    }

    private mutating func add(byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    /// The digest of this build's rendering code: the executable's identity (device, inode, size
    /// and modification time), so that a new version of marketnote renders every page again. Where
    /// it cannot be read, a random value: nothing is then reused.
    static func executableIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown executable \(UInt64.random(in: .min ... .max))" }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
