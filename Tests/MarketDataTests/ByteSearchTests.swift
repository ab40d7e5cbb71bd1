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

    /// Every byte is tested, the first and the last included, in long, short and non-ASCII text;
    /// a given byte is found there too (by `memchr`).
    @Test func findsAByteThatPassesTheTestAtAnyPosition() {
        let base = "a long line of plain text, past the fifteen bytes a short string holds — “quoted”"
        let utf8 = Array(base.utf8)
        for position in utf8.indices where utf8[position] < 0x80 {
            var bytes = utf8
            bytes[position] = UInt8(ascii: "&")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(ByteSearch.containsByte(in: text) { $0 == UInt8(ascii: "&") }, "at \(position)")
            #expect(ByteSearch.contains(byte: UInt8(ascii: "&"), in: text), "at \(position)")
            #expect(ByteSearch.contains(byte: UInt8(ascii: "&"), in: String(text.suffix(12))) == text.suffix(12).contains("&"))
        }
        #expect(!ByteSearch.containsByte(in: base) { $0 == UInt8(ascii: "&") })
        #expect(!ByteSearch.contains(byte: UInt8(ascii: "&"), in: base))
        #expect(ByteSearch.contains(byte: 0x9C, in: "“"))
        #expect(!ByteSearch.contains(byte: 0, in: ""))
        #expect(ByteSearch.containsByte(in: "x&") { $0 == UInt8(ascii: "&") })
        #expect(ByteSearch.containsByte(in: "“") { $0 == 0x9C })
        #expect(!ByteSearch.containsByte(in: "") { _ in true })
    }

    @Test func theRestAfterAPrefixIsItsBytesOnlyWhenTheTextStartsWithIt() {
        func rest(_ text: String, _ prefix: StaticString) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { ByteSearch.rest(of: $0, after: prefix).map { String(decoding: $0, as: UTF8.self) } }
        }
        #expect(rest("notes/2026-01-15/index.html", "notes/") == "2026-01-15/index.html")
        #expect(rest("notes/", "notes/") == "")
        #expect(rest("note", "notes/") == nil)
        #expect(rest("email/x.md", "notes/") == nil)
        #expect(rest("", "notes/") == nil)
        #expect(rest("", "") == "")
        #expect(rest("abc", "") == "abc")
    }
}
