import Analytics
import Testing

@Suite struct PreviousAtLeastTests {
    /// Each position gets what a scan back from it finds: the latest earlier value at least as
    /// large, whether the values come as closes (no gaps) or as optionals.
    @Test func eachPositionGetsTheLatestEarlierValueAtLeastAsLarge() {
        var random = SystemRandomNumberGenerator()
        let values = (0..<2_000).map { _ in Double(Int.random(in: 1...50, using: &random)) }
        let scanned = values.indices.map { t in Int32(values[..<t].lastIndex { $0 >= values[t] } ?? -1) }
        #expect(PreviousAtLeast.indices(values) == scanned)
        #expect(PreviousAtLeast.indices(values.map(Optional.some)) == scanned)
    }

    /// A gap is never an answer and has none.
    @Test func aGapIsNeverAnAnswer() {
        #expect(PreviousAtLeast.indices([5, nil, 3, 4]) == [-1, -1, 0, 0])
    }
}
