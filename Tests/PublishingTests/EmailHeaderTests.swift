import Foundation
import MarketData
import Testing
@testable import Publishing

@Suite struct EmailHeaderTests {
    @Test func aNonASCIISubjectBecomesEncodedWordsThatDecodeBack() {
        let subject = "[Small-Cap Desk] Small caps −2.5%: the worst day since March — and the breadth turns"
        let field = HeaderField.unstructured("Subject", subject).folded
        #expect(field.hasPrefix("Subject: =?utf-8?q?"))
        #expect(field.hasSuffix("?=\r\n"))
        let lines = Array(field.components(separatedBy: "\r\n").dropLast())
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" =?utf-8?q?") })
        let words = lines.map { $0.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces) }
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        #expect(EncodedWordDecoder.decode(words) == subject)
    }

    @Test func anEncodedWordNeverSplitsACharacter() {
        let words = EncodedWord.encode(String(repeating: "é", count: 40))
        #expect(words.count > 1)
        for word in words {
            let payload = word.dropFirst("=?utf-8?q?".count).dropLast(2)
            #expect(payload.utf8.count % 6 == 0, "\(word) splits a two-octet character")
        }
    }

    @Test func anASCIISubjectStaysReadableAndFoldsAtSpaces() {
        let field = HeaderField.unstructured("Subject", "[Small-Cap Desk] Small caps set a record high for the 10th session running").folded
        #expect(field == "Subject: [Small-Cap Desk] Small caps set a record high for the 10th session\r\n running\r\n")
    }

    @Test func headerTextLosesLineBreaksSoNothingCanBeInjected() {
        let field = HeaderField.unstructured("Subject", "Hello\r\nBcc: victim@example.com").folded
        #expect(field == "Subject: Hello Bcc: victim@example.com\r\n")
    }

    @Test func aSubjectThatLooksEncodedIsEncodedSoItReadsBackAsWritten() {
        #expect(HeaderField.unstructured("Subject", "=?utf-8?q?x?=").folded.hasPrefix("Subject: =?utf-8?q?=3D=3F"))
    }

    @Test func mailboxesParseNamesAndAddresses() throws {
        let mailbox = try #require(Mailbox(parsing: "The Small-Cap Desk <desk@smallcapdesk.example.com>"))
        #expect(mailbox.displayName == "The Small-Cap Desk")
        #expect(mailbox.address == "desk@smallcapdesk.example.com")
        #expect(Mailbox(parsing: "desk@example.com")?.displayName == nil)
        #expect(Mailbox(parsing: "\"Desk, The\" <desk@example.com>")?.displayName == "Desk, The")
        #expect(Mailbox(parsing: "not an address") == nil)
        #expect(Mailbox(parsing: "Desk <desk@exa mple.com>") == nil)
        #expect(Mailbox(parsing: "Desk <desk@example.com>\r\nBcc: x@y.z") == nil)
    }

    @Test func displayNamesAreQuotedOrEncodedWhenTheyMustBe() {
        #expect(Mailbox(parsing: "The Desk <d@example.com>")?.headerWords == ["The", "Desk", "<d@example.com>"])
        #expect(Mailbox(parsing: "\"J. Smith, Desk\" <d@example.com>")?.headerWords == ["\"J. Smith, Desk\"", "<d@example.com>"])
        #expect(Mailbox(parsing: "Zürich Desk <d@example.com>")?.headerWords == ["=?utf-8?q?Z=C3=BCrich_Desk?=", "<d@example.com>"])
    }

    @Test func theDateHeaderIsTheNoteDateAtTheSendTime() throws {
        let date = try #require(SessionDate("2026-01-15"))
        #expect(SendTime().headerValue(on: date) == "Thu, 15 Jan 2026 22:00:00 +0000")
        #expect(SendTime(hour: 6, minute: 30, utcOffsetMinutes: -300).headerValue(on: date) == "Thu, 15 Jan 2026 06:30:00 -0500")
        #expect(SendTime(hour: 18, minute: 5, utcOffsetMinutes: 330).headerValue(on: try #require(SessionDate("2025-12-01")))
                    == "Mon, 01 Dec 2025 18:05:00 +0530")
    }
}

/// Decodes "Q" encoded-words, independently of the encoder.
enum EncodedWordDecoder {
    static func decode(_ words: [String]) -> String {
        var bytes: [UInt8] = []
        for word in words {
            let payload = Array(word.dropFirst("=?utf-8?q?".count).dropLast(2).utf8)
            var index = 0
            while index < payload.count {
                switch payload[index] {
                case UInt8(ascii: "_"):
                    bytes.append(32)
                    index += 1
                case UInt8(ascii: "="):
                    bytes.append(UInt8(String(decoding: payload[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)!)
                    index += 3
                default:
                    bytes.append(payload[index])
                    index += 1
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
