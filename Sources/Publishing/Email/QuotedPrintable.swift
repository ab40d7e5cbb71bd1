/// Quoted-printable (RFC 2045 §6.7) for text bodies. Every line break becomes CRLF and no encoded
/// line exceeds 76 characters, so a message crosses any SMTP relay unchanged.
enum QuotedPrintable {
    static let maximumLineLength = 76

    /// Encodes UTF-8 text; `\n` and `\r\n` become hard line breaks (CRLF).
    static func encode(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if number > 0 { output += [13, 10] }
            encodeLine(line.last == UInt8(ascii: "\r") ? line.dropLast() : line, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One line of text as encoded lines joined by soft breaks (`=` CRLF).
    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var length = 0
        for index in line.indices {
            let isLast = index == line.index(before: line.endIndex)
            // A token that is not the last must leave room for the `=` of a soft break.
            let room = isLast ? maximumLineLength : maximumLineLength - 1
            var literal = isLiteral(line[index], atLineStart: length == 0, atLineEnd: isLast)
            if length + (literal ? 1 : 3) > room {
                output += [UInt8(ascii: "="), 13, 10]
                length = 0
                literal = isLiteral(line[index], atLineStart: true, atLineEnd: isLast)
            }
            if literal {
                output.append(line[index])
                length += 1
            } else {
                appendHex(line[index], to: &output)
                length += 3
            }
        }
    }

    /// Whether a byte is written as it is rather than as `=XX`: printable ASCII other than `=`.
    /// Whitespace ending a line is encoded so that no transport can strip it, and so is a `.`
    /// starting one, so that no encoded line is ever a lone `.` (the SMTP end of data).
    private static func isLiteral(_ byte: UInt8, atLineStart: Bool, atLineEnd: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"): !atLineEnd
        case UInt8(ascii: "."): !atLineStart
        case UInt8(ascii: "="): false
        case 33...126: true
        default: false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func appendHex(_ byte: UInt8, to output: inout [UInt8]) {
        output += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
    }

    /// `=XX` for one byte.
    static func hex(_ byte: UInt8) -> String {
        var output: [UInt8] = []
        appendHex(byte, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
