import MarketData
import Testing

/// "Did you mean" hints count edits as a typist makes them, and do not "correct" a short word
/// into another: a quote's topic 'Fed' was offered 'tech'.
@Suite struct EditDistanceTests {
    @Test func aSwappedPairOfLettersIsOneEdit() {
        #expect(EditDistance.between("titel", "title") == 1)
        #expect(EditDistance.between("yearDwon", "yearDown") == 1)
        #expect(EditDistance.between("ca", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
    }

    @Test func aShortWordIsNotCorrectedIntoAnother() {
        #expect(EditDistance.suggestion(for: "fed", among: ["tech", "records", "streaks"]) == nil)
        #expect(EditDistance.suggestion(for: "rates", among: ["records", "streaks", "tech"]) == nil)
        #expect(EditDistance.suggestion(for: "titel", among: ["title", "baseURL"]) == "did you mean 'title'?")
        #expect(EditDistance.suggestion(for: "comentary", among: ["commentary", "note.md"]) == "did you mean 'commentary'?")
        #expect(EditDistance.suggestion(for: "bodyy", among: ["body", "site"]) == "did you mean 'body'?")
    }
}
