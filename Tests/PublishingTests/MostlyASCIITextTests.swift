@testable import Publishing
import Testing

@Suite struct MostlyASCIITextTests {
    /// Whatever the bytes (ASCII, a few non-ASCII characters on some lines, lines close together
    /// or far apart, invalid and truncated sequences, no line feed at all), the bytes are those of
    /// the standard library's decoding of them, repairs included.
    @Test func anyBytesDecodeAsTheStandardLibraryDecodesThem() {
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("a".utf8), Array("<path d=\"M1 2\"/>".utf8), [0x0A], [0x0A], Array("−".utf8), Array("’".utf8),
                                 Array("📈".utf8), [0xE2, 0x88], [0xFF], [0x80], [0xC3], Array(String(repeating: "x", count: 700).utf8)]
        var inputs: [[UInt8]] = [[], [0x0A], Array("plain ASCII".utf8), Array("−".utf8), [0xE2, 0x0A, 0x88]]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            let rare = Int.random(in: 1...40, using: &random)
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                let piece = Int.random(in: 0..<rare, using: &random) == 0 ? pieces.randomElement(using: &random)! : pieces[Int.random(in: 0...3, using: &random)]
                bytes += piece
            }
            inputs.append(bytes)
        }
        for bytes in inputs {
            #expect(bytes.withUnsafeBufferPointer(MostlyASCIIText.repaired).bytes == Array(String(decoding: bytes, as: UTF8.self).utf8), "\(bytes)")
        }
    }
}
