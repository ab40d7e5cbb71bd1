/// Control characters in a value that a message quotes: invisible in a terminal (a stray carriage
/// return makes `'2260.959961'` look like a number), so they are shown escaped.
enum ControlCharacters {
    /// `text` with `\r`, `\n` and `\t` written so, and other control characters as `\u{1B}`.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return text.unicodeScalars.map { scalar in
            switch scalar {
            case "\r": "\\r"
            case "\n": "\\n"
            case "\t": "\\t"
            default: isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
            }
        }.joined()
    }

    /// `text` without its control characters.
    static func removed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !isControl($0) }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }
}
