import MarketData
import Newsletter
/// Text from data made fit for a page: drops the code points HTML forbids outright (controls
/// other than tab and line feed, noncharacters), which XML's rules alone would let through.
enum ChartText {
    static func sanitized(_ text: String) -> String {
        needsSanitizing(text) ? String(String.UnicodeScalarView(text.unicodeScalars.filter(isAllowed))) : text
    }

    /// Sanitized, then escaped for element content and attribute values.
    static func escaped(_ text: String) -> String { HTMLEscaping.escape(sanitized(text)) }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA: true
        case 0...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: false
        default: scalar.value & 0xFFFE != 0xFFFE
        }
    }

    /// A quick byte scan: false for plain ASCII and most other text. 0xC2 leads U+0080…U+00BF (C1
    /// controls), 0xEF U+F000…U+FFFF (noncharacters), 0xF0 and up the supplementary planes.
    static func needsSanitizing(_ text: String) -> Bool {
        ByteSearch.containsByte(in: text) { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 >= 0xEF }
    }
}
