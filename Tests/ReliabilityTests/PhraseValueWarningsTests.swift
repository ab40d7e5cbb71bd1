import Foundation
import MarketData
import Newsletter
import Publishing
import Testing
import TestSupport
import Analytics

/// A project's phrase that uses a value its sentence is not given printed nothing in its place
/// ("On the day,  fell 2.1%") and said nothing: each such tag is now a warning at the phrase.
@Suite struct PhraseValueWarningsTests {
    @Test func aPhraseTagWithNoValueIsNamedAtItsPhraseWithTheValuesGiven() throws {
        let sandbox = try ProjectSandbox()
        try sandbox.apply(.edit("templates/phrases.yml") { text in
            text.replacingOccurrences(of: "  up: \"{{symbol}} rose {{magnitude}}\"", with: "  up: \"{{ticker}} rose {{magnitud}}\"")
        })
        let summary = try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
        let phrases = try String(contentsOfFile: sandbox.project + "/templates/phrases.yml", encoding: .utf8)
        let line = try #require(phrases.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  up: \"{{ticker}}") }) + 1
        let given = "are, es, have, magnitude, name, possessive, s, short, symbol, their"
        #expect(summary.warnings.map(\.description) == [
            "templates/phrases.yml:\(line):7: warning: phrase 'quiet.up' uses {{magnitud}}, a value this sentence is not given, so it printed nothing\n"
                + "    hint: did you mean 'magnitude'? The sentence is given: \(given)",
            "templates/phrases.yml:\(line):7: warning: phrase 'quiet.up' uses {{ticker}}, a value this sentence is not given, so it printed nothing\n"
                + "    hint: the sentence is given: \(given)",
        ])
    }

    /// A project's phrases from an earlier version keep their values: 'record.lastTime' written
    /// with {{lastLength}} outside a section (as shipped before it became conditional) still
    /// prints the length, without a warning (the first version of the change gave it no value).
    @Test func aPhraseOfAnEarlierVersionKeepsItsValues() throws {
        let yaml = "record:\n  lastTime: \"Its last record run of {{length}} sessions or more ended in {{lastEnd}} and lasted {{lastLength}}.\"\n"
            + "  single: \"{{symbol}} set a record intraday high of {{level}}{{#close}}, and closed at a record {{close}}{{/close}}.\"\n"
        let phrases = try Phrasebook(yaml: yaml, path: "templates/phrases.yml", fallback: .standard)
        let analysis = HistoryAnalysis(inputs: try ProjectLoader(root: SampleProject.root).load())
        let writer = NarrativeWriter(phrases: phrases)
        let text = writer.write(analysis.facts(on: SessionDate("2026-01-09")!), figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
        #expect(text.contains("Its last record run of six sessions or more ended in December 2020 and lasted six sessions."), "\(text)")
        for date in analysis.sessions.suffix(300) { _ = writer.write(analysis.facts(on: date), figures: FigureLedger()) }
        #expect(phrases.unmatchedValueWarnings().map(\.description) == [])
    }

    /// A project may name a series by its short or full name wherever a sentence names its symbol:
    /// "On the day, IXIC fell 2.1%" could not become "the Nasdaq fell 2.1%".
    @Test func aSentenceMayNameASeriesByItsShortOrFullName() throws {
        let yaml = "quiet:\n  up: \"{{name}} rose {{magnitude}}\"\n  down: \"{{short}} fell {{magnitude}}\"\n"
        let phrases = try Phrasebook(yaml: yaml, path: "templates/phrases.yml", fallback: .standard)
        let analysis = HistoryAnalysis(inputs: try ProjectLoader(root: SampleProject.root).load())
        let narrative = NarrativeWriter(phrases: phrases).write(analysis.facts(on: SessionDate("2026-01-15")!), figures: FigureLedger())
        let text = narrative.statements.flatMap(\.plain).joined(separator: " ")
        #expect(text.contains("On the day, iShares Russell 2000 ETF rose 0.7%, large caps fell 0.1% and Roundhill Magnificent Seven ETF rose 0.2%."), "\(text)")
        #expect(phrases.unmatchedValueWarnings().isEmpty)
    }

    /// Every alternative is checked when its phrase is rendered, so a daily build finds a tag in
    /// an alternative its date did not choose; a tag inside a section is never reported.
    @Test func everyAlternativeIsCheckedAndSectionsAreNot() throws {
        let yaml = "quiet:\n  day:\n    - \"{{list}}.\"\n    - \"{{lst}}{{#since}} since {{since}}{{/since}}.\"\n"
        let phrases = try Phrasebook(yaml: yaml, path: "templates/phrases.yml", fallback: .standard)
        _ = phrases.render("quiet.day", ["list": "IWM rose 0.7%"], variant: 0)
        _ = phrases.render("quiet.day", ["list": "IWM rose 0.7%"], variant: 1)
        #expect(phrases.unmatchedValueWarnings().map(\.message) == ["phrase 'quiet.day' uses {{lst}}, a value this sentence is not given, so it printed nothing"])
        #expect(phrases.unmatchedValueWarnings().map(\.location.line) == [4])
    }

    /// The shipped phrases, checked as a project's would be over every sample note, use only the
    /// values their sentences are given.
    @Test func theShippedPhrasesUseOnlyTheValuesTheyAreGiven() throws {
        let shipped = try #require(DefaultTemplates.files["phrases.yml"])
        let phrases = try Phrasebook(yaml: shipped, path: "phrases.yml", fallback: .standard, checksEveryPhrase: true)
        let analysis = HistoryAnalysis(inputs: try ProjectLoader(root: SampleProject.root).load())
        let writer = NarrativeWriter(phrases: phrases)
        for date in analysis.sessions { _ = writer.write(analysis.facts(on: date), figures: FigureLedger()) }
        #expect(phrases.unmatchedValueWarnings().map(\.description) == [])
    }
}
