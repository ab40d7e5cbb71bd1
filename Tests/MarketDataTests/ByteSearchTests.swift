import MarketData
import Testing

@Suite struct ByteSearchTests {
    @Test func findsANeedleAnywhereInUTF8Text() {
        let text = "é <tab <table> 📈 — “x” <table>"
        #expect(ByteSearch.contains("<table>", in: text))
        #expect(ByteSearch.contains("é", in: text))
        #expect(ByteSearch.contains("“x”", in: text))
        #expect(ByteSearch.contains("e <t", in: "ae <t"))
        #expect(!ByteSearch.contains("<tables>", in: text))
        #expect(!ByteSearch.contains("", in: text))
        #expect(!ByteSearch.contains("longer than the text", in: "short"))
        #expect(!ByteSearch.contains("a", in: ""))
    }

    /// The predicate sees each match's byte range, in order, until it accepts one.
    @Test func offersEveryMatchToThePredicateInOrder() {
        var seen: [Range<Int>] = []
        let found = ByteSearch.contains("ab", in: "abxabab") { _, match in
            seen.append(match)
            return match.lowerBound == 3
        }
        #expect(found)
        #expect(seen == [0..<2, 3..<5])
        #expect(!ByteSearch.contains("aa", in: "aaa") { _, match in seen.append(match); return false })
        #expect(seen.suffix(2) == [0..<2, 1..<3])
    }
}
