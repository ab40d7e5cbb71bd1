/// A multipart/alternative message (RFC 5322, RFC 2045–2047): a text/plain and a text/html part,
/// both UTF-8 in quoted-printable, with folded headers and CRLF line ends, every line within 78
/// characters. It holds no clock time and no random boundary, so equal inputs give equal bytes.
struct EmailMessage {
    var from: Mailbox
    /// Empty: the message is addressed to `undisclosed-recipients:;` and SMTP's RCPT TO decides.
    var to: [Mailbox]
    var subject: String
    /// An RFC 5322 date-time (see `SendTime`).
    var date: String
    /// Without angle brackets: `2026-01-15.note@smallcapdesk.example.com`.
    var messageID: String
    /// Unique within the message by construction: it starts with `=_`, which quoted-printable
    /// output never contains (an encoded `=` is always followed by a hex digit or a line break).
    var boundary: String
    var text: String
    var html: String
    var unsubscribe = UnsubscribeLinks([])

    var headers: [HeaderField] {
        [
            HeaderField("From", words: from.headerWords),
            HeaderField("To", words: to.isEmpty ? ["undisclosed-recipients:;"] : Self.list(to)),
            .unstructured("Subject", subject),
            HeaderField("Date", date),
            HeaderField("Message-ID", "<\(messageID)>"),
            unsubscribe.header,
            HeaderField("MIME-Version", "1.0"),
            HeaderField("Content-Type", words: ["multipart/alternative;", "boundary=\"\(boundary)\""]),
        ].compactMap { $0 }
    }

    /// The message as it is written to `email/DATE.eml` and sent over SMTP.
    var rendered: String {
        var message = headers.map(\.folded).joined()
        message += "\r\nThis is a multi-part message in MIME format.\r\n"
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            message += "\r\n--\(boundary)\r\n"
            message += "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += QuotedPrintable.encode(body)
        }
        return message + "\r\n--\(boundary)--\r\n"
    }

    /// Mailboxes separated by commas, each comma on the word before it.
    private static func list(_ mailboxes: [Mailbox]) -> [String] {
        mailboxes.enumerated().flatMap { index, mailbox -> [String] in
            var words = mailbox.headerWords
            if index < mailboxes.count - 1 { words[words.count - 1] += "," }
            return words
        }
    }
}
