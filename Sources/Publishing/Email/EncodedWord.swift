/// RFC 2047 encoded-words (`=?utf-8?q?…?=`), for header text that is not plain ASCII.
enum EncodedWord {
    /// RFC 2047 §2: an encoded-word is at most 75 characters long.
    static let maximumLength = 75
    private static let prefix = "=?utf-8?q?"
    private static let suffix = "?="

    /// Whether `text` can go into a header as it is: printable ASCII, no `=?` that a reader could
    /// take for an encoded-word, and no word too long to fold.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (32...126).contains($0.value) } && !text.contains("=?")
            && text.split(separator: " ").allSatisfy { $0.utf8.count <= 64 }
    }

    /// `text` as encoded-words, the first at most `firstLength` characters long, the others at most
    /// 75. A character is never split between two words (RFC 2047 §5).
    static func encode(_ text: String, firstLength: Int = maximumLength) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let piece = token(scalar)
            let limit = (words.isEmpty ? min(firstLength, maximumLength) : maximumLength) - prefix.count - suffix.count
            if !current.isEmpty, current.utf8.count + piece.utf8.count > limit {
                words.append(prefix + current + suffix)
                current = ""
            }
            current += piece
        }
        words.append(prefix + current + suffix)
        return words
    }

    /// The "Q" encoding of one character, restricted to what RFC 2047 §5(3) allows in a phrase,
    /// so the same words serve a Subject and a display name.
    private static func token(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ":
            return "_"
        case "A"..."Z", "a"..."z", "0"..."9", "!", "*", "+", "-", "/":
            return String(scalar)
        default:
            return String(scalar).utf8.map(QuotedPrintable.hex).joined()
        }
    }
}
