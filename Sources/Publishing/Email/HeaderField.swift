/// One header field of a message, folded at spaces (RFC 5322 §2.2.3) so that its lines stay
/// within `lineLimit` characters whenever the words allow it.
struct HeaderField: Equatable {
    let name: String
    /// The field body as words: atoms, quoted strings, encoded-words, `<address>`es.
    let words: [String]
    var lineLimit = 78

    init(_ name: String, words: [String], lineLimit: Int = 78) {
        self.name = name
        self.words = words
        self.lineLimit = lineLimit
    }

    /// A field whose body is one value that needs no folding (`1.0`, a date, a Message-ID).
    init(_ name: String, _ value: String) {
        self.init(name, words: [value])
    }

    /// An unstructured field (Subject): plain when it can be, encoded-words otherwise.
    static func unstructured(_ name: String, _ text: String) -> HeaderField {
        let clean = HeaderText.clean(text)
        guard EncodedWord.isPlain(clean) else {
            let firstLength = EncodedWord.maximumLength + 1 - (name.count + 2)
            return HeaderField(name, words: EncodedWord.encode(clean, firstLength: firstLength), lineLimit: 76)
        }
        return HeaderField(name, words: clean.split(separator: " ").map(String.init))
    }

    /// `Name: body` with CRLF SP between lines, ending in CRLF.
    var folded: String {
        var lines: [String] = []
        var current = name + ":"
        var wordsOnLine = 0
        for word in words {
            if wordsOnLine > 0, current.utf8.count + 1 + word.utf8.count > lineLimit {
                lines.append(current)
                current = ""
                wordsOnLine = 0
            }
            current += " " + word
            wordsOnLine += 1
        }
        lines.append(current)
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// Header text made safe to fold: no control characters (so no line breaks a reader could take
/// for the end of the field), single spaces, no leading or trailing space.
enum HeaderText {
    static func clean(_ text: String) -> String {
        let spaced = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" ? " " : scalar
        }))
        return spaced.split(separator: " ").joined(separator: " ")
    }
}
