import Testing
@testable import Publishing

@Suite struct EmailQuotedPrintableTests {
    @Test func longLinesAreSoftBrokenWithinSeventySixCharacters() {
        let text = String(repeating: "Small caps set a record high again. ", count: 12) + "\n"
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 5)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast(2).allSatisfy { $0.hasSuffix("=") })
        #expect(QuotedPrintableDecoder.decode(encoded) == text)
    }

    @Test func lineBreaksBecomeCRLFAndNoBareLineFeedRemains() {
        let encoded = QuotedPrintable.encode("one\ntwo\r\nthree\n")
        #expect(encoded == "one\r\ntwo\r\nthree\r\n")
    }

    @Test func nonASCIIAndEqualsSignsAreEncodedAsHexOctets() {
        #expect(QuotedPrintable.encode("IWM −2.5% = S&P · ok") == "IWM =E2=88=922.5% =3D S&P =C2=B7 ok")
    }

    @Test func whitespaceEndingALineIsEncodedSoNoTransportCanStripIt() {
        #expect(QuotedPrintable.encode("quoted \nnext\t\n") == "quoted=20\r\nnext=09\r\n")
    }

    @Test func aDotStartingALineIsEncodedSoNoLineIsTheSMTPEndOfData() {
        #expect(QuotedPrintable.encode(".\n..x\n") == "=2E\r\n=2E.x\r\n")
        let soft = QuotedPrintable.encode(String(repeating: "a", count: 75) + ".b")
        #expect(soft == String(repeating: "a", count: 75) + "=\r\n=2Eb")
    }

    @Test func anEncodedOctetIsNeverSplitBySoftBreaks() {
        let text = String(repeating: "−", count: 60)
        let lines = QuotedPrintable.encode(text).components(separatedBy: "\r\n")
        for line in lines {
            let body = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(body.utf8.count % 3 == 0, "line \(line) splits an =XX token")
            #expect(line.utf8.count <= 76)
        }
        #expect(QuotedPrintableDecoder.decode(lines.joined(separator: "\r\n")) == text)
    }

    @Test func aLineOfExactlySeventySixCharactersNeedsNoSoftBreak() {
        let line = String(repeating: "x", count: 76)
        #expect(QuotedPrintable.encode(line) == line)
        #expect(QuotedPrintable.encode(line + "y") == String(repeating: "x", count: 75) + "=\r\nxy")
    }
}

/// A small RFC 2045 decoder, so the tests check round trips against an independent reading.
enum QuotedPrintableDecoder {
    static func decode(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        let lines = encoded.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            var raw = Array(line.utf8)
            let soft = raw.last == UInt8(ascii: "=")
            if soft { raw.removeLast() }
            var position = 0
            while position < raw.count {
                if raw[position] == UInt8(ascii: "="), position + 2 < raw.count + 0,
                   let value = UInt8(String(decoding: raw[(position + 1)...(position + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    position += 3
                } else {
                    bytes.append(raw[position])
                    position += 1
                }
            }
            if !soft && index < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
