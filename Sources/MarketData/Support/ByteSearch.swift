#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Substring search on UTF-8 bytes: `memchr` for the first byte, then `memcmp` (Glibc's module
/// does not export `memmem`). Foundation's `contains` on a String with non-ASCII text converts it
/// to UTF-16 first (perf: one `contains("<table>")` a note was 2% of a backfill).
public enum ByteSearch {
    /// Whether `needle` occurs in `text` at a range of bytes that `accept` allows (any, by default).
    public static func contains(_ needle: String, in text: String,
                                where accept: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool = { _, _ in true }) -> Bool {
        var text = text
        return text.withUTF8 { contains(needle, in: $0, where: accept) }
    }

    /// Whether `needle` occurs in `haystack` at a range of bytes that `accept` allows (any, by default).
    public static func contains(_ needle: String, in haystack: UnsafeBufferPointer<UInt8>,
                                where accept: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool = { _, _ in true }) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            guard !needle.isEmpty, let base = haystack.baseAddress else { return false }
            // A match starts at most this far in.
            let starts = haystack.count - needle.count + 1
            var start = 0
            while start < starts, let offset = firstIndex(of: needle[0], in: haystack, within: start..<starts) {
                if memcmp(base + offset, needle.baseAddress!, needle.count) == 0,
                   accept(haystack, offset..<offset + needle.count) { return true }
                start = offset + 1
            }
            return false
        }
    }

    /// Whether a UTF-8 byte of `text` passes `test`, scanned over the string's own storage: twice
    /// as fast as `text.utf8.contains(where:)`, whose iterator checks the string's form at every
    /// byte (perf: the escapers' scans for special characters were 2.5% of a backfill).
    @inlinable public static func containsByte(in text: String, where test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(where: test) }
    }

    /// Whether `text` holds `byte`, found by `memchr` in the string's own storage (callgrind:
    /// `text.utf8.contains(byte)`, element by element, cost about 2,300 instructions a sentence
    /// looked at for a backslash, this about 180).
    public static func contains(byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstIndex(of: byte, in: $0, within: 0..<$0.count) != nil }
    }

    /// The bytes after `prefix`, when `bytes` start with it; nil otherwise.
    public static func rest(of bytes: UnsafeBufferPointer<UInt8>, after prefix: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count, count == 0 || memcmp(bytes.baseAddress!, prefix.utf8Start, count) == 0 else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[count...])
    }

    /// The index of the first `byte` in `bytes` from `start` on, through `memchr` (perf:
    /// `firstIndex(of:)` over every data file, looking for a NUL, was 2% of loading a 500-file universe).
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { firstIndex(of: byte, in: $0, within: start..<$0.count) }
    }

    /// The index of the first `byte` within `range` of `buffer`, through `memchr`.
    public static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, within range: Range<Int>) -> Int? {
        guard let base = buffer.baseAddress, let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
