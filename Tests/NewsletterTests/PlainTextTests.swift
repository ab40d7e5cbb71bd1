@testable import Newsletter
import Testing

@Suite struct PlainTextTests {
    @Test func undoingTheEscapesGivesBackWhatWasEscaped() {
        for text in ["IWM +7.6% (*small* caps) [1] <b> 1_000 \\ back", "é 📈 — “quoted” `code` #5!", "plain", ""] {
            #expect(MarkdownEscaping.text(text).replacingBackslashEscapes() == text, "\(text.debugDescription)")
        }
    }

    @Test func anEscapedBackslashStaysOneBackslash() {
        #expect(#"a\\b\*c\"#.replacingBackslashEscapes() == #"a\b*c"#)
        #expect(#"\é\📈"#.replacingBackslashEscapes() == "é📈")
    }
}
