import Foundation
@testable import Newsletter
import Testing

@Suite struct YAMLStringTests {
    /// The JSON string `JSONSerialization` writes for `text`, which `YAMLString` replaced.
    private func foundationQuoted(_ text: String) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    @Test func quotesEveryASCIICharacterAsJSONSerializationDoes() throws {
        for value in UInt32(0)...0x7F {
            let text = "a" + String(UnicodeScalar(value)!) + "b"
            #expect(YAMLString.quoted(text) == (try foundationQuoted(text)), "U+\(String(value, radix: 16))")
        }
    }

    @Test func keepsSlashesAndNonASCIIAsTheyAre() throws {
        for text in ["https://example.com/notes/2026-01-15/", "Small caps: +7.6% · é 📈 \u{2028}", "", "\"quoted\" \\ \n\t\r\u{0}\u{1F}"] {
            #expect(YAMLString.quoted(text) == (try foundationQuoted(text)), "\(text.debugDescription)")
        }
    }
}
