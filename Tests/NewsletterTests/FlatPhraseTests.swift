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
                    #expect(fast.render(values) == phrase.template.render(values), "\(key) with \(sample.debugDescription)")
                    for name in names.enumerated().filter({ ($0.offset + index) % 2 == 0 }).map(\.element) { values[name] = nil }
                    #expect(fast.render(values) == phrase.template.render(values), "\(key) with names missing")
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

    @Test func anyOtherTagLeavesThePhraseToMustache() {
        for text in ["{{#a}}x{{/a}}", "{{^a}}x{{/a}}", "{{a.b}}", "{{.}}", "{{! note }}", "{{> partials/x.md}}",
                     "{{=<% %>=}}", "{{uppercased(a)}}", "{{a}} and {{b", "{{}}"] {
            #expect(FlatPhrase(text) == nil, "\(text.debugDescription)")
        }
    }
}
