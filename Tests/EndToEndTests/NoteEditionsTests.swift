import Analytics
import MarketData
import Newsletter
import Testing
import TestSupport

/// A note composed without its email edition (every note of a backfill but the newest) is the
/// same web note; only the email Markdown is left out.
@Suite struct NoteEditionsTests {
    @Test func composingWithoutTheEmailEditionLeavesTheWebNoteUnchanged() throws {
        let inputs = try ProjectLoader(root: SampleProject.root).load()
        let composer = NoteComposer(config: inputs.config, templates: try TemplateLibrary(directory: SampleProject.root + "/templates"))
        let facts = HistoryAnalysis(inputs: inputs).facts(on: try #require(SessionDate("2026-01-15")))
        let both = composer.compose(facts, quotes: inputs.quotes, commentary: inputs.commentary[facts.date])
        let web = composer.compose(facts, quotes: inputs.quotes, commentary: inputs.commentary[facts.date], withEmail: false)
        #expect(web.markdown == both.markdown)
        #expect(web.title == both.title && web.summary == both.summary && web.figures == both.figures && web.topics == both.topics)
        #expect(web.emailMarkdown == nil)
        let email = try #require(both.emailMarkdown)
        #expect(email.hasPrefix("---\nsubject: "))
        #expect(email.contains(both.title))
    }

    /// The email's only way to the charts was a line at its foot, beside a "facts.json" link that
    /// means nothing to a reader: the web edition is offered under the dateline, and the foot
    /// names the facts file in words.
    @Test func theEmailOffersTheWebEditionUnderItsDateline() throws {
        let inputs = try ProjectLoader(root: SampleProject.root).load()
        let composer = NoteComposer(config: inputs.config, templates: try TemplateLibrary(directory: SampleProject.root + "/templates"))
        let facts = HistoryAnalysis(inputs: inputs).facts(on: try #require(SessionDate("2026-01-15")))
        let email = try #require(composer.compose(facts, quotes: inputs.quotes, commentary: inputs.commentary[facts.date]).emailMarkdown)
        let page = "https://smallcapdesk.example.com/notes/2026-01-15/"
        #expect(email.contains("\n*January 15, 2026* · [Read it on the web, with charts](<\(page)>)\n"))
        #expect(email.contains("[web edition](<\(page)>) · [facts file](<\(page)facts.json>)"))
    }

    /// 773 sample pages showed "n/a" in the returns table with no word of what it means: the
    /// legend under the table says so when a cell has no return, and only then.
    @Test func theReturnsTableSaysWhatNotAvailableMeansWhenACellIsEmpty() throws {
        let inputs = try ProjectLoader(root: SampleProject.root).load()
        let composer = NoteComposer(config: inputs.config, templates: try TemplateLibrary(directory: SampleProject.root + "/templates"))
        let analysis = HistoryAnalysis(inputs: inputs)
        let young = composer.compose(analysis.facts(on: try #require(SessionDate("2001-04-23"))), quotes: [], commentary: nil)
        #expect(young.markdown.contains("| n/a |"))
        #expect(young.markdown.contains(" · n/a: the series' data do not reach back that far\n"))
        let latest = composer.compose(analysis.facts(on: try #require(SessionDate("2026-01-15"))), quotes: [], commentary: nil)
        #expect(!latest.markdown.contains("n/a"))
    }
}
