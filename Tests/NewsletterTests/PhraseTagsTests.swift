import MarketData
@testable import Newsletter
import TestSupport
import Testing

/// A phrase's tags are read on bytes when that finds what reading Characters finds, and on
/// Characters otherwise: both ways must give the same tags for every text.
@Suite struct PhraseTagsTests {
    private func expectSameTags(_ text: String) {
        let characters = Phrase.tagsOnCharacters(in: text)
        let tags = Phrase.tags(in: text)
        #expect(tags.map(\.kind) == characters.map(\.kind), "\(text.debugDescription)")
        #expect(tags.map { String($0.name) } == characters.map { String($0.name) }, "\(text.debugDescription)")
    }

    /// Every shipped phrase and template is read on bytes, and finds the same tags.
    @Test func theShippedPhrasesAndTemplatesAreReadOnBytesAlike() {
        let texts = Phrasebook.standard.phrases.values.flatMap { $0.map(\.text) } + Array(DefaultTemplates.files.values)
        for text in texts {
            expectSameTags(text)
            #expect(Phrase.tagsOnBytes(in: text) != nil, "\(text.prefix(80).debugDescription)")
        }
    }

    /// Braces, sigils and spaces beside combining marks, prepended characters, non-ASCII letters
    /// and line breaks: where bytes could differ from Characters, the Characters are read.
    @Test func randomTextsGiveTheTagsOfTheirCharacters() {
        let pieces = ["{{", "}}", "{", "}", "#", "^", "/", "&", " ", "a", "Bc", "é", "\u{301}", "\u{600}", "\r\n", "\r", "\n",
                      "—", "{{#", "{{/", "{{^", "{{{", "}}}", "{{& ", "📈", "\u{212A}"]
        var random = SeededRandom(seed: 20261128)
        var onBytes = 0
        for _ in 0..<5_000 {
            let text = (0..<random.next(upTo: 12)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
            expectSameTags(text)
            if Phrase.tagsOnBytes(in: text) != nil { onBytes += 1 }
        }
        // Most texts take the byte path, so the comparison tests it.
        #expect(onBytes > 1_000)
    }
}
