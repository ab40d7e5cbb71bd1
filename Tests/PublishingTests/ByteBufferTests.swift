@testable import Publishing
import Testing
import TestSupport

@Suite struct ByteBufferTests {
    /// Pieces of every length, ASCII or not, strings or raw bytes, appended far past the first
    /// capacity: the buffer holds all of them, in order, however often it grew.
    @Test func keepsEveryPieceInOrderAsItGrows() {
        var random = RandomMarket(seed: 11)
        var buffer = ByteBuffer(capacity: 16)
        var expected: [UInt8] = []
        var expectedText = ""
        let pieces = ["", "<", "\" y=\"", "−12.5%", "class=\"gain\" fill=\"#2e8b57\"", String(repeating: "é", count: 40)]
        for _ in 0..<5_000 {
            let piece = pieces[random.int(0...pieces.count - 1)]
            if random.int(0...1) == 0 {
                buffer.append(piece)
            } else {
                Array(piece.utf8).withUnsafeBufferPointer { buffer.append($0) }
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
