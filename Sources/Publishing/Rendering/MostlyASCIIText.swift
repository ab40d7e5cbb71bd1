import MarketData
import Newsletter

/// UTF-8 from C (cmark-gfm's HTML) that is ASCII but for a few characters, as a page is (a minus
/// sign in a table, a curly quote in a sentence), checked before it goes into a page.
///
/// `String(decoding:as:)` checks bytes that are all ASCII a word at a time, but any other run a
/// byte at a time, whole: made so, a note's two charts and its HTML were 4.0% of a backfill's
/// instructions, 2.5% when only the lines that hold a non-ASCII byte were checked byte by byte, as
/// here. The result is the bytes of `String(decoding: bytes, as: UTF8.self)`, invalid bytes
/// repaired alike: a piece ends next to a line feed, an ASCII byte, which no UTF-8 sequence runs
/// across.
enum MostlyASCIIText {
    static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkupBytes {
        var start = 0
        var nonASCII = firstNonASCII(bytes, from: 0)
        guard nonASCII < bytes.count else { return MarkupBytes(validUTF8: Array(bytes)) }
        var text: [UInt8] = []
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
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<lineStart]))
            var piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self)
            piece.withUTF8 { text.append(contentsOf: $0) }
            start = end
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        return MarkupBytes(validUTF8: text)
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
