@testable import Publishing
import Testing
import TestSupport

@Suite struct ByteBufferTests {
    /// Pieces of every length, ASCII or not, strings, literals or raw bytes, appended far past
    /// the first capacity: the buffer holds all of them, in order, however often it grew.
    @Test func keepsEveryPieceInOrderAsItGrows() {
        var random = RandomMarket(seed: 11)
        var buffer = ByteBuffer(capacity: 16)
        var expected: [UInt8] = []
        var expectedText = ""
        let pieces = ["", "<", "\" y=\"", "−12.5%", "class=\"gain\" fill=\"#2e8b57\"", String(repeating: "é", count: 40)]
        // The program's own text, kept as a pointer or, for one scalar, as the scalar itself.
        let literals: [StaticString] = ["", "<", "é", "−", "\" y=\"", "</text>\n", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "]
        for _ in 0..<5_000 {
            let piece: String
            switch random.int(0...2) {
            case 0:
                piece = pieces[random.int(0...pieces.count - 1)]
                buffer.append(text: piece)
            case 1:
                piece = pieces[random.int(0...pieces.count - 1)]
                Array(piece.utf8).withUnsafeBufferPointer { buffer.append($0) }
            default:
                let literal = literals[random.int(0...literals.count - 1)]
                piece = literal.description
                buffer.append(literal)
            }
            expected += piece.utf8
            expectedText += piece
        }
        #expect(buffer.count == expected.count)
        #expect(Array(buffer.bytes) == expected)
        #expect(buffer.string == expectedText)
    }

    /// A writer asks for room for the most it may write and commits what it wrote: only that
    /// stays, and the bytes written before the buffer grew are still there after.
    @Test func keepsOnlyWhatWasCommittedInTheRoomItGave() {
        var buffer = ByteBuffer(capacity: 16)
        var expected: [UInt8] = []
        for length in 0..<200 {
            let room = buffer.room(length + 22)
            for offset in 0..<(length + 22) { room[offset] = UInt8(ascii: "x") }
            for offset in 0..<length { room[offset] = UInt8(truncatingIfNeeded: length + offset) }
            buffer.commit(length)
            expected += (0..<length).map { UInt8(truncatingIfNeeded: length + $0) }
        }
        #expect(Array(buffer.bytes) == expected)
    }
}
