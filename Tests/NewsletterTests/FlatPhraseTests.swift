import MarketData
import Mustache
@testable import Newsletter
import Testing

/// Phrases with only `{{name}}` tags skip Mustache; they must print exactly what Mustache prints.
@Suite struct FlatPhraseTests {
    /// Values that would show a difference: markup, braces, backslashes, non-ASCII, line breaks.
    static let samples = ["+7.6%", "S&P 500 <b> \"q\" 'a'", "{{name}} }}", #"a\b"#, "é 📈 — “x”", "two\nlines"]

    private func mustache(_ text: String, _ values: [String: String]) throws -> String {
        try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text).render(values)
    }

    @Test func everyShippedFlatPhrasePrintsWhatMustachePrints() throws {
        var flat = 0, total = 0
        for (key, alternatives) in Phrasebook.standard.phrases {
            for phrase in alternatives {
                total += 1
                guard let fast = phrase.flat else { continue }
                flat += 1
                let names = fast.pieces.compactMap { piece -> String? in
                    if case .value(let name) = piece { return name } else { return nil }
                }
                for (index, sample) in Self.samples.enumerated() {
                    // Every name has a value, then every other name is missing (an empty value is dropped before rendering).
                    var values = Dictionary(names.map { ($0, sample) }, uniquingKeysWith: { first, _ in first })
                    #expect(fast.render(values) == (try mustache(phrase.text, values)), "\(key) with \(sample.debugDescription)")
                    for name in names.enumerated().filter({ ($0.offset + index) % 2 == 0 }).map(\.element) { values[name] = nil }
                    #expect(fast.render(values) == (try mustache(phrase.text, values)), "\(key) with names missing")
                }
            }
        }
        // Most phrases take the fast path; sections keep the rest on Mustache.
        #expect(flat * 2 > total, "\(flat) of \(total)")
        #expect(flat < total)
    }

    @Test func anEmptyValueReadsAsAMissingOneInEveryShippedPhrase() {
        let book = Phrasebook.standard
        for (key, alternatives) in book.phrases {
            let names = Set(alternatives.flatMap(Self.names))
            for variant in alternatives.indices {
                for name in names {
                    var values = Dictionary(names.map { ($0, "x") }, uniquingKeysWith: { first, _ in first })
                    values[name] = ""
                    let withEmpty = book.render(key, values, variant: variant)
                    values[name] = nil
                    #expect(withEmpty == book.render(key, values, variant: variant), "\(key) with \(name) empty")
                }
            }
        }
    }

    /// The names of a phrase's variable tags, and the names its capitalised tags are filled from.
    private static func names(_ phrase: Phrase) -> [String] {
        let variables = (phrase.flat?.pieces ?? []).compactMap { piece -> String? in
            if case .value(let name) = piece { return name } else { return nil }
        }
        return variables + phrase.capitalizedNames.map(\.0)
    }

    @Test func variableTagsInEveryFormPrintTheirValue() throws {
        let values = ["name": "IWM", "a_b": "x", "c1": "y", "Name": "Small caps"]
        for text in ["{{name}}", "{{ name }}", "{{{name}}}", "{{{ name }}}", "{{&name}}", "{{& name }}", "a }} b {{name}} c",
                     "", "no tags at all", "{{name}}{{name}}", "{{Name}} lead", "x{{a_b}}y{{c1}}z", "{{missing}}!"] {
            let fast = try #require(FlatPhrase(text), "\(text.debugDescription)")
            #expect(fast.render(values) == (try mustache(text, values)), "\(text.debugDescription)")
        }
    }

    /// Read on bytes, a brace next to a non-ASCII character may belong to a Character Mustache
    /// does not read as a brace: such a phrase, and a name outside ASCII, go to Mustache, which
    /// prints what the phrase says; other non-ASCII text stays flat.
    @Test func aBraceNextToANonASCIICharacterLeavesThePhraseToMustache() throws {
        for text in ["{{a}}\u{301} b", "x\u{301}{{a}}", "\u{600}{{a}}", "{{{a}}}\u{301}", "{{café}}", "{{a\u{301}}}"] {
            #expect(FlatPhrase(text) == nil, "\(text.debugDescription)")
        }
        let values = ["a": "IWM"]
        for text in ["é {{a}} — “x”", "📈 {{a}}\r\n{{a}} ☂", "{{a}}} \u{301}"] {
            let fast = try #require(FlatPhrase(text), "\(text.debugDescription)")
            #expect(fast.render(values) == (try mustache(text, values)), "\(text.debugDescription)")
        }
    }

    /// A flat phrase's capitalised names and checked variables come from its values' names, not
    /// from a second scan of its text: the two must agree for every shipped flat phrase.
    @Test func aFlatPhrasesTagsAreTheNamesOfItsValues() throws {
        var flat = 0
        for alternatives in Phrasebook.standard.phrases.values {
            for phrase in alternatives {
                guard let fast = phrase.flat else { continue }
                flat += 1
                #expect(Phrase.tagNames(in: phrase.text).map(String.init) == fast.names, "\(phrase.text)")
                let checked = Phrase(text: phrase.text, form: phrase.form, checkedAt: SourceLocation(path: "p.yml"))
                #expect(checked.checked?.variables.map(\.name) == Phrase.topLevelVariables(in: phrase.text), "\(phrase.text)")
                #expect(phrase.capitalizedNames.map { "\($0.0) \($0.1)" }
                    == Phrase.capitalizedNames(among: Phrase.tagNames(in: phrase.text)).map { "\($0.0) \($0.1)" })
            }
        }
        #expect(flat > 100)
    }

    @Test func anyOtherTagLeavesThePhraseToMustache() {
        for text in ["{{#a}}x{{/a}}", "{{^a}}x{{/a}}", "{{a.b}}", "{{.}}", "{{! note }}", "{{> partials/x.md}}",
                     "{{=<% %>=}}", "{{uppercased(a)}}", "{{a}} and {{b", "{{}}"] {
            #expect(FlatPhrase(text) == nil, "\(text.debugDescription)")
        }
    }
}

/// A project's phrases file is most often the shipped one with a few phrases reworded: each phrase
/// worded as shipped is the shipped phrase, already compiled and not checked again; a reworded one
/// is compiled and checked (a project's own file cost 0.077 s a daily run against 0.065 s).
@Suite struct ProjectPhrasebookTests {
    /// A phrase with sections is compiled by marketnote's parser; one it cannot read goes to
    /// swift-mustache, whose error is the phrase's, in words, at its line.
    @Test func aPhraseWithABrokenSectionIsAnErrorAtItsLine() throws {
        let cases = ["{{#since}}since {{since}}": "a section is never closed",
                     "{{#since}}since {{since}}{{/sinc}}": "a section is closed with the wrong name",
                     "{{#since}}since {{since}{{/since}}": "a tag is not finished"]
        for (text, cause) in cases {
            do {
                _ = try Phrasebook(yaml: "quiet:\n  up: \"\(text)\"\n", path: "templates/phrases.yml", fallback: .standard)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.diagnostics.map(\.message) == ["the phrase is not a valid Mustache template: \(cause)"], "\(text)")
                #expect(error.diagnostics.first?.location.description == "templates/phrases.yml:2:7", "\(text)")
            }
        }
        let valid = try Phrasebook(yaml: "quiet:\n  up: \"{{symbol}} rose{{#magnitude}} {{magnitude}}{{/magnitude}}\"\n",
                                   path: "templates/phrases.yml", fallback: .standard)
        #expect(valid.phrases["quiet.up"]?.first?.compiled != nil)
        #expect(valid.render("quiet.up", ["symbol": "IWM", "magnitude": "0.7%"]) == "IWM rose 0.7%")
        #expect(valid.render("quiet.up", ["symbol": "IWM"]) == "IWM rose")
    }

    /// Phrases are read as text, without Yams' typing of scalars: a sentence that reads as a flag,
    /// a number, a date or null is that text.
    @Test func aPhraseThatLooksLikeAFlagNumberDateOrNullIsItsText() throws {
        let yaml = "quiet:\n  up: yes\n  down: 2026-01-15\n  flat: [1.5e3, ~, 0x1F, Null, '']\n"
        let phrases = try Phrasebook(yaml: yaml, path: "templates/phrases.yml", fallback: .standard)
        #expect(phrases.render("quiet.up", [:]) == "yes")
        #expect(phrases.render("quiet.down", [:]) == "2026-01-15")
        #expect((0..<5).map { phrases.render("quiet.flat", [:], variant: $0) }.sorted() == ["", "0x1F", "1.5e3", "Null", "~"].sorted())
    }

    @Test func aPhraseWordedAsShippedIsTheShippedOneAndARewordedOneIsChecked() throws {
        let shipped = try #require(DefaultTemplates.files["phrases.yml"])
        let yaml = shipped.replacingOccurrences(of: "  up: \"{{symbol}} rose {{magnitude}}\"", with: "  up: \"{{symbol}} gained {{magnitude}}\"")
        try #require(yaml != shipped)
        let phrases = try Phrasebook(yaml: yaml, path: "templates/phrases.yml", fallback: .standard)
        #expect(phrases.phrases["quiet.up"]?.first?.checked != nil)
        #expect(phrases.phrases["quiet.up"]?.first?.text == "{{symbol}} gained {{magnitude}}")
        #expect(phrases.phrases["quiet.down"]?.first?.checked == nil)
        #expect(phrases.phrases["record.streak"]?.count == Phrasebook.standard.phrases["record.streak"]?.count)
        #expect(phrases.render("quiet.up", ["symbol": "IWM", "magnitude": "0.7%"]) == "IWM gained 0.7%")
        #expect(phrases.render("quiet.down", ["symbol": "SPY", "magnitude": "0.1%"]) == "SPY fell 0.1%")
        let every = try Phrasebook(yaml: yaml, path: "templates/phrases.yml", fallback: .standard, checksEveryPhrase: true)
        #expect(every.phrases["quiet.down"]?.first?.checked != nil)
    }
}
