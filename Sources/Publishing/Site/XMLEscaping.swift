import Newsletter
/// Escapes text for XML content and attribute values (the feed, the sitemap). Characters that
/// XML 1.0 does not allow at all, even as references (most C0 controls), are dropped, so a stray
/// control character in a data file cannot make the feed unreadable.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        HTMLEscaping.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed))))
    }

    /// XML 1.0's `Char` production: tab, line feed, carriage return, and everything from U+0020
    /// except the surrogates (which a Swift scalar never is) and U+FFFE, U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
