import Foundation
import MarketData
import Mustache
@testable import Newsletter
import TestSupport
import Testing

/// `CompiledTemplate` renders the core Mustache tags itself; for every template and context it
/// must print exactly what swift-mustache prints, and leave to swift-mustache what it does not do.
@Suite struct CompiledTemplateTests {
    /// A value of every kind a context can hold, including ones marketnote never builds.
    struct Point { let x: Int; let label: String? }
    nonisolated(unsafe) static let context: [String: Any] = [
        "name": "S&P 500 <b> \"q\" 'a' é", "count": 42, "ratio": 0.5, "yes": true, "no": false,
        "empty": "", "list": [["name": "one", "n": 1], ["name": "two", "n": 2], ["n": 3]],
        "strings": ["a", "b<", "c"], "none": [String](), "set": Set([7]),
        "nested": ["inner": ["deep": "found", "name": "inner name"], "flag": true] as [String: Any],
        "texts": ["title": "T & t", "site": "x"] as [String: String],
        "optional": Optional("wrapped") as Any, "missingOptional": Optional<String>.none as Any,
        "null": NSNull(), "point": Point(x: 3, label: "p"), "markdown": "*a* [b](c) #1",
    ]

    static let partials = [
        "p": "P({{name}})\n  second {{count}}\n",
        "inner.md": "{{% CONTENT_TYPE: MARKDOWN}}\n- {{markdown}}\n{{#list}}\n  * {{name}}\n{{/list}}\n",
        "plain": "[{{name}}]",
        "trailing": "line\n{{missing}}",
        "crlf": "a\r\n{{name}}\r\n  {{#yes}}\r\nb\r\n{{/yes}}\r\n\n{{#list}}{{name}}\r\n{{/list}}\r\nlast",
    ]

    init() {
        // The content types a TemplateLibrary registers, as the partials use them.
        _ = MarkdownContentType.registered
        _ = HTMLContentType.registered
    }

    /// swift-mustache's text for `text`, and the compiled renderer's, given the partials above;
    /// the compiled renderer's bytes (for a file) must be its text's.
    private func bothRenderings(_ text: String, _ context: Any = Self.context) throws -> (mustache: String, compiled: String?) {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, partial) in Self.partials {
            library.register(try MustacheTemplate(string: partial), named: name)
            compiled[name] = CompiledTemplate(partial)
        }
        library.register(try MustacheTemplate(string: text), named: "main")
        let template = try #require(CompiledTemplate(text), "\(text.debugDescription) did not compile")
        let names = Set(Self.partials.keys).union(["main"])
        let compiledText = template.render(context, partials: compiled, templateNames: names)
        let compiledBytes = template.renderedBytes(context, partials: compiled, templateNames: names)
        #expect(compiledBytes == compiledText.map { Array($0.utf8) }, "\(text.debugDescription) as bytes")
        return (library.render(context, withTemplate: "main") ?? "", compiledText)
    }

    private func expectSame(_ text: String, _ context: Any = Self.context, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (mustache, compiled) = try bothRenderings(text, context)
        #expect(compiled == mustache, "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func variablesPrintAsSwiftMustachePrintsThem() throws {
        for text in ["{{name}}", "{{{name}}}", "{{&name}}", "{{ name }}", "{{count}} {{ratio}} {{yes}} {{no}}",
                     "{{missing}}|{{empty}}|{{null}}", "{{optional}} {{missingOptional}}", "{{nested.inner.deep}}",
                     "{{nested.missing.deep}}", "{{texts.title}} {{{texts.title}}}", "{{point.x}} {{point.label}}",
                     "{{.}}", "{{list}}", "{{strings}}", "{{}}", "{{set}}",
                     "{{% CONTENT_TYPE: MARKDOWN}}{{markdown}} {{{markdown}}}", "{{% CONTENT_TYPE: TEXT}}{{name}}",
                     "{{% CONTENT_TYPE: HTML}}{{name}}", "}} {{name}} {x"] {
            try expectSame(text)
        }
    }

    @Test func sectionsRepeatShowHideAndScopeAsSwiftMustacheDoes() throws {
        for text in ["{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}",
                     "{{#list}}{{name}}:{{n}},{{/list}}", "{{#list}}{{name}}{{count}}{{/list}}", "{{^list}}none{{/list}}",
                     "{{#none}}x{{/none}}{{^none}}empty {{.}}{{/none}}", "{{#strings}}<{{.}}>{{/strings}}",
                     "{{#nested}}{{inner.deep}} {{#inner}}{{name}}/{{.name}}/{{count}}{{/inner}}{{/nested}}",
                     "{{#nested.inner}}{{deep}}{{/nested.inner}}", "{{#name}}[{{.}}]{{/name}}", "{{#empty}}e{{/empty}}",
                     "{{#missing}}m{{/missing}}{{^missing}}!m{{/missing}}", "{{#null}}n{{/null}}{{^null}}!n{{/null}}",
                     "{{#optional}}{{.}}{{/optional}}{{#missingOptional}}[{{.}}]{{/missingOptional}}",
                     "{{#set}}{{.}}{{/set}}", "{{#count}}{{.}}{{/count}}{{^count}}zero{{/count}}", "{{#point}}{{x}}{{/point}}",
                     "{{#texts}}{{title}} {{name}}{{/texts}}", "{{#list}}{{#yes}}{{name}}{{/yes}}{{/list}}",
                     "{{#list}}{{.name}}|{{/list}}", "{{^none}}{{name}} {{count}}{{/none}}",
                     "{{#yes}}{{#name}}{{name}}/{{nested.inner.deep}}{{/name}}{{/yes}}"] {
            try expectSame(text)
        }
    }

    @Test func standaloneLinesIndentationAndPartialsMatchSwiftMustache() throws {
        for text in ["{{#list}}\n{{name}}\n{{/list}}\n", "  {{#yes}}\n  x\n  {{/yes}}\n", "\t{{! comment }}\t\nafter\n",
                     "a {{#yes}}\nb\n{{/yes}} c\n", "{{#yes}}\r\nline\r\n{{/yes}}\r\n", "  {{> p}}\n", "x {{> p}} y\n",
                     "{{#list}}\n  {{> plain}}\n{{/list}}", "  {{> inner.md}}\n", "{{> missing}}|", "last line  ",
                     "  {{^no}}\n  shown\n  {{/no}}  ", "{{! a\nmulti-line comment }}\ntext", "{{name}}\n\n  \n",
                     "  {{% CONTENT_TYPE: MARKDOWN}}\n{{markdown}}\n", "{{#list}}\n{{#strings}}\n  - {{.}}\n{{/strings}}\n{{/list}}\n",
                     "  {{> trailing}}\n", "  {{> crlf}}\n", "\r\n {{> crlf}}\r\n", "{{% CONTENT_TYPE: TEXT}}{{name}} {{> plain}}", "{{% CONTENT_TYPE: MARKDOWN}}{{> plain}}"] {
            try expectSame(text)
        }
    }

    /// Random templates from a grammar of the tricky pieces (tags at line starts and ends, blanks,
    /// tabs, CRLF), balanced sections: 3,000 of them, all printed as swift-mustache prints them.
    @Test func randomTemplatesPrintWhatSwiftMustachePrints() throws {
        try expectRandomTemplatesMatch(seed: 20261126, pieces: [])
    }

    /// The parser reads ASCII codes and leaves other Characters to Swift's comparisons: a mark
    /// joined to a brace, a name character or a newline, the Kelvin sign (equal to `K`), newlines
    /// and blanks outside ASCII must still parse as swift-mustache parses them.
    @Test func randomTemplatesWithCharactersOutsideASCIIPrintWhatSwiftMustachePrints() throws {
        try expectRandomTemplatesMatch(seed: 20261128, pieces: ["\u{301}", "{{\u{301}", "}}\u{301}", "{{na\u{212A}e}}", "{{\u{212A}}}",
                                                               "é", "\u{85}", "\u{2028}", "\u{A0}", "\n\u{301}", "\r\n\u{301}", "{{#yes}}\u{301}"])
    }

    /// The values marketnote's own contexts are made of, as a `TemplateObject`, and the same
    /// values as plain dictionaries and arrays.
    nonisolated(unsafe) static let object: TemplateObject = [
        "name": .text("S&P 500 <b> \"q\" 'a' é"), "count": ContextValue(42), "yes": .flag(true), "no": .flag(false), "empty": .text(""),
        "list": .objects([["name": .text("one"), "n": .text("1")], ["name": .text("two"), "n": .text("2")], ["n": .text("3")]]),
        "strings": .texts(["a", "b<", "c"]), "none": .objects([]),
        "nested": .object(["inner": .object(["deep": .text("found"), "name": .text("inner name")]), "flag": .flag(true)]),
        "texts": .textDictionary(["title": "T & t", "site": "x"]), "markdown": .markup(MarkupBytes("*a* [b](c) #1 <i>é</i>")),
        "plain": .dictionary(["deep": "in a dictionary", "list": [["name": "d"]] as [[String: Any]]]),
    ]
    nonisolated(unsafe) static let objectAsDictionary: [String: Any] = [
        "name": "S&P 500 <b> \"q\" 'a' é", "count": 42, "yes": true, "no": false, "empty": "",
        "list": [["name": "one", "n": "1"], ["name": "two", "n": "2"], ["n": "3"]],
        "strings": ["a", "b<", "c"], "none": [[String: Any]](),
        "nested": ["inner": ["deep": "found", "name": "inner name"], "flag": true] as [String: Any],
        "texts": ["title": "T & t", "site": "x"] as [String: String], "markdown": "*a* [b](c) #1 <i>é</i>",
        "plain": ["deep": "in a dictionary", "list": [["name": "d"]] as [[String: Any]]] as [String: Any],
    ]

    /// Each random template, rendered with the object by the compiled renderer and by
    /// swift-mustache (which reads it as a `MustacheParent`), prints what the same values in
    /// dictionaries print through swift-mustache; markup prints as its text does, in a String and
    /// in bytes, where `{{{markdown}}}` copies its bytes. An object itself is not printed (`{{.}}`
    /// outside a list of texts): a dictionary prints its description, in no set order.
    @Test func anObjectContextPrintsWhatTheSameDictionaryPrints() throws {
        try expectRandomTemplatesMatch(seed: 20261129, pieces: ["{{#plain}}{{deep}}{{#list}}{{name}}{{/list}}{{/plain}}", "{{plain.deep}}",
                                                               "{{#list}}{{n}}{{.n}}{{/list}}", "{{^none}}no{{/none}}", "{{texts.site}}",
                                                               "{{nested.flag}}", "{{#nested}}{{.inner.deep}}{{/nested}}",
                                                               "{{#strings}}<{{.}}>{{/strings}}", "{{markdown}}",
                                                               "{{#markdown}}<{{.}}>{{/markdown}}", "{{^markdown}}no{{/markdown}}"],
                                       context: Self.object, expected: Self.objectAsDictionary)
    }

    private func expectRandomTemplatesMatch(seed: UInt64, pieces: [String], context: Any = Self.context,
                                            expected expectedContext: Any? = nil) throws {
        var random = SeededRandom(seed: seed)
        var inline = ["x", " ", "  ", "\t", "\n", "\r\n", "{{name}}", "{{{markdown}}}", "{{&count}}", "{{! c }}", "{{.}}",
                      "{{> plain}}", "{{> p}}", "{{> crlf}}", "{{nested.inner.deep}}", "{", "}}", "{{n}}", "{{missing}}"] + pieces
        if expectedContext != nil { inline.removeAll { $0 == "{{.}}" } }
        let sections = ["yes", "no", "list", "strings", "none", "nested", "missing", "name"]
        func fragment(_ depth: Int) -> String {
            var text = ""
            for _ in 0..<random.next(upTo: 6) {
                if depth < 3, random.next(upTo: 4) == 0 {
                    let name = sections[random.next(upTo: sections.count)]
                    let open = random.next(upTo: 3) == 0 ? "^" : "#"
                    text += "{{\(open)\(name)}}" + fragment(depth + 1) + "{{/\(name)}}"
                } else {
                    text += inline[random.next(upTo: inline.count)]
                }
            }
            return text
        }
        var failures = 0
        var parsed = 0
        for _ in 0..<3000 {
            let text = fragment(0)
            // A stray "{" can make a tag that swift-mustache rejects; the compiler must reject it too.
            guard (try? MustacheTemplate(string: text)) != nil else {
                #expect(CompiledTemplate(text) == nil, "\(text.debugDescription)")
                continue
            }
            parsed += 1
            var (mustache, compiled) = try bothRenderings(text, context)
            if let expectedContext {
                let (expected, _) = try bothRenderings(text, expectedContext)
                if mustache != expected { compiled = "swift-mustache: " + mustache }
                mustache = expected
            }
            if compiled != mustache {
                failures += 1
                if failures <= 5 { Issue.record("\(text.debugDescription): \(mustache.debugDescription) vs \(String(describing: compiled).debugDescription)") }
            }
        }
        #expect(failures == 0)
        #expect(parsed > 2000, "\(parsed) parsed")
    }

    /// swift-mustache's default escaping compares Characters, and `"` with a combining mark is
    /// another Character: it would be left as it is, ending an attribute value.
    @Test func aQuoteFollowedByACombiningMarkIsEscaped() throws {
        let template = try #require(CompiledTemplate(#"<a title="{{name}}">"#))
        let text = template.render(["name": "x\"\u{301} onclick=y"], partials: [:], templateNames: [])
        #expect(text == #"<a title="x&quot;\#u{301} onclick=y">"#)
    }

    /// Phrases with sections render compiled; with every value set, then every other one missing.
    @Test func everyShippedPhraseWithSectionsPrintsWhatSwiftMustachePrints() throws {
        var compiled = 0
        for (key, alternatives) in Phrasebook.standard.phrases {
            for phrase in alternatives {
                guard let fast = phrase.compiled else { continue }
                compiled += 1
                let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + phrase.text)
                let names = Set(Phrase.tagNames(in: phrase.text).map(String.init))
                for (index, sample) in FlatPhraseTests.samples.enumerated() {
                    var values = Dictionary(names.map { ($0, sample) }, uniquingKeysWith: { first, _ in first })
                    #expect(fast.render(values, partials: [:], templateNames: []) == template.render(values), "\(key)")
                    for name in names.sorted().enumerated().filter({ ($0.offset + index) % 2 == 0 }).map(\.element) { values[name] = nil }
                    #expect(fast.render(values, partials: [:], templateNames: []) == template.render(values), "\(key), names missing")
                }
            }
        }
        #expect(compiled > 0)
    }

    @Test func everyShippedTemplateCompiles() throws {
        let library = try TemplateLibrary(directory: nil)
        #expect(Set(library.compiled.keys) == library.templateNames)
    }

    @Test func tagsBeyondTheCoreSetAreLeftToSwiftMustache() throws {
        for text in ["{{=<% %>=}}<% name %>", "{{uppercased(name)}}", "{{<parent}}{{$b}}x{{/b}}{{/parent}}", "{{$b}}x{{/b}}",
                     "{{>*dynamic}}", "{{% CONTENT_TYPE: CSV}}", "{{#a}}unclosed", "{{/a}}", "{{name"] {
            #expect(CompiledTemplate(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func aLambdaValueIsLeftToSwiftMustache() throws {
        let template = try #require(CompiledTemplate("{{#wrap}}x{{/wrap}}{{shout}}"))
        let context: [String: Any] = ["wrap": MustacheLambda { "<\($0)>" }, "shout": MustacheLambda { "HI" }]
        #expect(template.render(context, partials: [:], templateNames: []) == nil)
    }

    /// A project template the compiler leaves alone still renders, through swift-mustache.
    @Test func aLibraryRendersTemplatesLeftToSwiftMustache() throws {
        let folder = URL(fileURLWithPath: ScratchFolder.make("compiled"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{=<% %>=}}<%name%> <%> partials/x.md%>".write(to: folder.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "[{{name}}]".write(to: folder.appendingPathComponent("partials/x.md"), atomically: true, encoding: .utf8)
        try "{{> a.md}}!".write(to: folder.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary(directory: folder.path)
        #expect(library.compiled["a.md"] == nil)
        #expect(library.compiled["b.md"] != nil)
        #expect(library.render("a.md", ["name": "N"]) == "N [N]")
        // b.md compiles, but its partial does not: the whole of b.md goes to swift-mustache.
        #expect(library.render("b.md", ["name": "N"]) == "N [N]!")
        #expect(library.renderedBytes("b.md", ["name": "N é"]) == Array("N é [N é]!".utf8))
    }
}

