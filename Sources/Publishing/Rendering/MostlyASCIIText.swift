import MarketData

/// Text from UTF-8 bytes that are ASCII but for a few characters, as a chart or a page is (a minus
/// sign in an axis label, a curly quote in a sentence).
///
/// `String(decoding:as:)` checks bytes that are all ASCII a word at a time, but any other run a
/// byte at a time, whole: made so, a note's two charts and its HTML were 4.0% of a backfill's
/// instructions, now 2.5% (callgrind). Here only the lines that hold a non-ASCII byte are checked
/// byte by byte. The result is `String(decoding: bytes, as: UTF8.self)`, invalid bytes repaired
/// alike: a piece ends next to a line feed, an ASCII byte, which no UTF-8 sequence runs across.
enum MostlyASCIIText {
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = 0
        var nonASCII = firstNonASCII(bytes, from: 0)
        guard nonASCII < bytes.count else { return String(decoding: bytes, as: UTF8.self) }
        var text = ""
        text.reserveCapacity(bytes.count)
        while nonASCII < bytes.count {
            let lineStart = bytes[start..<nonASCII].lastIndex(of: 0x0A).map { $0 + 1 } ?? start
            var end = lineEnd(bytes, after: nonASCII)
            nonASCII = firstNonASCII(bytes, from: end)
            // Lines a short run of ASCII apart are checked as one piece: a piece costs more than
            // checking a few hundred bytes.
            while nonASCII < bytes.count && nonASCII - end < 512 {
                end = lineEnd(bytes, after: nonASCII)
                nonASCII = firstNonASCII(bytes, from: end)
            }
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<lineStart]), as: UTF8.self)
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
            start = end
        }
        text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        return text
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(string)
    }

    /// The index of the line feed that ends the line of `index`, or the end.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Int {
        ByteSearch.firstIndex(of: 0x0A, in: bytes, within: index..<bytes.count) ?? bytes.count
    }

    /// The index of the first byte from `start` that is not ASCII, or the end: eight bytes at a time.
    private static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
        }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }
}
