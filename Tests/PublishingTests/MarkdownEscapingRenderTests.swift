import Foundation
import Newsletter
import Testing
@testable import Publishing

/// Escaped text read back through cmark-gfm: whatever a value starts with, at the start of a
/// document or of a line after another line, it stays the text of one paragraph.
@Suite struct MarkdownEscapingRenderTests {
    static let starts = ["-", "+", "=", "*", "#", ">", "1", "1.", "1)", "12.", "123456789.", "1234567890.",
                         "123456789)", "0.", "7.6%", "-1.2%", "+7.6%", "2026", "--", "==", "---", "- - -",
                         "===", "+++", "1.5", "_", "~~~", "```", "—"]
    static let rests = ["", " ", " item", "\titem", "x", ".", " 2", "-", " -"]

    @Test func textAtTheStartOfALineStaysTheTextOfOneParagraph() {
        let renderer = MarkdownRenderer()
        for start in Self.starts {
            for rest in Self.rests {
                let raw = start + rest
                // As cmark writes it: trimmed, `>` as a character reference.
                let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ">", with: "&gt;")
                let escaped = MarkdownEscaping.text(raw)
                #expect(renderer.html(escaped).text == "<p>\(text)</p>\n", "\(raw) as \(escaped)")
                #expect(renderer.html("Before\n" + escaped).text == "<p>Before\n\(text)</p>\n", "\(raw) as \(escaped)")
            }
        }
    }

    /// An `&` that cannot begin a reference is text and stays as written ("S&P 500" in an
    /// email's plain text); one that could (`&amp;`, `&#38;`, `&copy;`) is escaped. Either way the
    /// page shows the text itself.
    @Test func anAmpersandIsEscapedOnlyWhereItCouldBeginAReference() {
        let renderer = MarkdownRenderer()
        let plain = ["S&P 500", "AT&T", "a & b", "&", "x&", "&;", "& ;", "&-;"]
        let references = ["&amp;", "&#38;", "&#x26;", "&copy;", "S&P;", "&#", "&#;", "&1;", "a&b1;c", "R&D;x"]
        for raw in plain + references {
            let escaped = MarkdownEscaping.text(raw)
            #expect((escaped == raw) == plain.contains(raw), "\(raw) as \(escaped)")
            let text = raw.replacingOccurrences(of: "&", with: "&amp;")
            #expect(renderer.html(escaped).text == "<p>\(text)</p>\n", "\(raw) as \(escaped)")
        }
    }

    @Test func numbersAndSignedValuesAreLeftAsTheyAre() {
        // Ten digits are not a list marker (CommonMark allows nine).
        for value in ["+7.6%", "-1.2%", "264.95", "1.5", "2026", "0.2 points", "n/a", "1,234.5", "1234567890. item"] {
            #expect(MarkdownEscaping.text(value) == value)
        }
    }
}
