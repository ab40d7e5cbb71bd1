import Testing
@testable import Publishing

@Suite struct EmailMessageTests {
    static func message(text: String = "# Note\n\nIWM +0.7%, SPY −0.1%.\n", html: String = "<p>IWM</p>\n") -> EmailMessage {
        EmailMessage(
            from: Mailbox(parsing: "The Small-Cap Desk <desk@smallcapdesk.example.com>")!, to: [],
            subject: "Small caps −0.1%", date: "Thu, 15 Jan 2026 07:00:00 +0000",
            messageID: "2026-01-15.note@smallcapdesk.example.com", boundary: "=_marketnote_2026-01-15",
            text: text, html: html)
    }

    @Test func everyLineEndsInCRLFAndFitsSeventyEightCharacters() {
        let rendered = Self.message(text: String(repeating: "word ", count: 200) + "\n").rendered
        let bytes = Array(rendered.utf8)
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)")
        }
        #expect(rendered.hasSuffix("\r\n"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(bytes.allSatisfy { $0 < 128 })
    }

    @Test func headersNameTheSenderPlaceholderRecipientsDateAndMessageID() {
        let rendered = Self.message().rendered
        let head = rendered.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.hasPrefix("From: The Small-Cap Desk <desk@smallcapdesk.example.com>\r\nTo: undisclosed-recipients:;\r\n"))
        #expect(head.contains("\r\nSubject: =?utf-8?q?Small_caps_=E2=88=920=2E1=25?=\r\n"))
        #expect(head.contains("\r\nDate: Thu, 15 Jan 2026 07:00:00 +0000\r\n"))
        #expect(head.contains("\r\nMessage-ID: <2026-01-15.note@smallcapdesk.example.com>\r\n"))
        #expect(head.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(head.hasSuffix("Content-Type: multipart/alternative; boundary=\"=_marketnote_2026-01-15\""))
    }

    @Test func theTwoPartsArePlainTextThenHTMLBetweenTheBoundaries() {
        let parts = Self.message().rendered.components(separatedBy: "\r\n--=_marketnote_2026-01-15")
        #expect(parts.count == 4)
        #expect(parts[1].hasPrefix("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"))
        #expect(parts[2].hasPrefix("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"))
        #expect(parts[3] == "--\r\n")
        #expect(QuotedPrintableDecoder.decode(String(parts[1].split(separator: "\r\n\r\n", maxSplits: 1)[1])) == "# Note\n\nIWM +0.7%, SPY −0.1%.\n")
    }

    @Test func theBoundaryCannotOccurInABodyEvenWhenTheTextContainsIt() {
        let hostile = "--=_marketnote_2026-01-15\n=_marketnote_2026-01-15--\n"
        let rendered = Self.message(text: hostile, html: hostile).rendered
        #expect(rendered.components(separatedBy: "=_marketnote_2026-01-15").count - 1 == 4)
    }

    @Test func equalInputsGiveEqualBytes() {
        #expect(Self.message().rendered == Self.message().rendered)
    }

    @Test func namedRecipientsAreListedWithCommas() {
        var message = Self.message()
        message.to = [Mailbox(parsing: "A <a@example.com>")!, Mailbox(parsing: "b@example.com")!]
        #expect(message.rendered.contains("\r\nTo: A <a@example.com>, b@example.com\r\n"))
    }
}
