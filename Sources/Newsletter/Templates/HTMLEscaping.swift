import MarketData
import Mustache

/// Escapes untrusted text for HTML text and attribute values: `&`, `<`, `>`, `"` and `'`.
///
/// Works on UTF-8 bytes and returns the text itself when nothing needs escaping. It also serves
/// as the templates' `HTML` content type: swift-mustache's own escaper looks up every Character
/// in a dictionary, which cost about 1,000 instructions a character on a backfill.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        guard ByteSearch.containsByte(in: text, where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The templates' `HTML` content type, registered under swift-mustache's own name so that
/// `{{% CONTENT_TYPE: HTML}}` picks it; `TemplateLibrary` gives every HTML template that pragma.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }

    static let registered: Bool = {
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
        return true
    }()
}
