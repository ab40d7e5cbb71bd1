import MarketData
import Newsletter
/// Escapes text for XML content and attribute values (the feed, the sitemap). Characters that
/// XML 1.0 does not allow at all, even as references (most C0 controls), are dropped, so a stray
/// control character in a data file cannot make the feed unreadable.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        // Filtering scalars took 7% of a daily build (perf); nearly every string needs no filtering.
        guard ByteSearch.containsByte(in: text, where: mayBeDisallowed) else { return HTMLEscaping.escape(text) }
        return HTMLEscaping.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed))))
    }

    /// Whether a UTF-8 byte can belong to a disallowed character: a C0 control other than tab,
    /// line feed and carriage return, or the 0xEF lead byte of U+FFFE and U+FFFF.
    private static func mayBeDisallowed(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD) || byte == 0xEF
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
