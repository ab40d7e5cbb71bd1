import Analytics
import Foundation
import MarketData

/// Composes a note: narrative, tables, quotes and commentary poured into the Markdown templates.
public struct NoteComposer: Sendable {
    public let config: ProjectConfig
    public let templates: TemplateLibrary
    public let writer: NarrativeWriter
    public let quoteSelector: QuoteSelector
    let returnsSources: ReturnsTable.Sources

    public init(config: ProjectConfig, templates: TemplateLibrary) {
        self.config = config
        self.templates = templates
        writer = NarrativeWriter(phrases: templates.phrases, series: config.series)
        quoteSelector = QuoteSelector(settings: config.quotes)
        returnsSources = ReturnsTable.Sources(symbols: config.series.map(\.symbol))
    }

    /// Composes the web edition, and the email edition when `withEmail`: a backfill mails only
    /// its newest note, and rendering `email.md` for every note was about 5% of its CPU (perf).
    public func compose(_ facts: NoteFacts, quotes: [Quote], commentary: Commentary?, withEmail: Bool = true) -> NoteDocument {
        let figures = FigureLedger()
        figures.date(facts.date, "date")
        let narrative = writer.write(facts, figures: figures)
        let topicWeights = narrative.topicWeights
        let chosen = quoteSelector.select(from: quotes, on: facts.date, topicWeights: topicWeights)
        let title = commentary?.title ?? narrative.headline
        let context = templateContext(facts, narrative, figures, chosen, commentary, title: title)
        let markdown = templates.render("note.md", context).trimmingTrailingBlankLines()
        return NoteDocument(
            date: facts.date, title: title, summary: narrative.summary, markdown: markdown,
            emailMarkdown: withEmail ? templates.render("email.md", context).trimmingTrailingBlankLines() : nil,
            facts: facts, figures: figures.printed(in: [markdown, title, narrative.summary]), quotes: chosen,
            topics: topicWeights.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key))
    }

    private func templateContext(_ facts: NoteFacts, _ narrative: Narrative, _ figures: FigureLedger, _ quotes: [Quote],
                                 _ commentary: Commentary?, title: String) -> TemplateObject {
        let noteURL = config.baseURL + NotePaths.notePath(facts.date)
        var context: TemplateObject = [
            .title: .text(title),
            .summary: .text(narrative.summary),
            .date: .text(facts.date.description),
            .dateLong: .text(NumberStyle.longDate(facts.date)),
            .sections: .objects(sections(narrative, ReturnsTable(facts: facts, figures: figures, sources: returnsSources))),
            .site: .object(config.siteContext),
            .noteURL: .text(noteURL),
            .noteLink: .text(MarkdownEscaping.linkDestination(noteURL)),
            .factsLink: .text(MarkdownEscaping.linkDestination(noteURL + "facts.json")),
            .chartsLink: .text(MarkdownEscaping.linkDestination(noteURL + "#charts")),
            .subjectYAML: .text(YAMLString.quoted(config.email.subject(for: title))),
            .preheaderYAML: .text(YAMLString.quoted(narrative.summary)),
            .urlYAML: .text(YAMLString.quoted(noteURL)),
            .quotesHeading: .text(templates.phrases.render("section.quotes", [:])),
            .quotes: .objects(quotes.map { quote in
                [.text: .text(MarkdownEscaping.blockquote(quote.text)), .by: .text(quote.by), .firm: .text(quote.firm ?? ""),
                 .hasFirm: .flag(quote.firm != nil), .dateLong: .text(NumberStyle.longDate(quote.date)),
                 .hasURL: .flag(quote.url != nil), .link: .text(quote.url.map(MarkdownEscaping.linkDestination) ?? "")]
            }),
            .hasQuotes: .flag(!quotes.isEmpty),
        ]
        if let disclaimer = config.disclaimer { context[.disclaimer] = .text(disclaimer) }
        if let unsubscribe = config.email.unsubscribeLink { context[.unsubscribeLink] = .text(MarkdownEscaping.linkDestination(unsubscribe)) }
        if let commentary, !commentary.body.isEmpty {
            context[.commentary] = .object([.heading: .text(templates.phrases.render("section.commentary", [:])),
                                            .body: .text(CommentaryMarkdown.confine(commentary.body))])
        }
        return context
    }

    /// The narrative's sections, the returns table and its legend leading the performance section
    /// (which is made, second, when the narrative has none).
    private func sections(_ narrative: Narrative, _ table: ReturnsTable) -> [TemplateObject] {
        var sections = narrative.sections
        let legend = table.legend(notAvailable: templates.phrases.render("returns.notAvailable", [:]),
                                  notYet: templates.phrases.render("returns.notYet", [:]))
        if let index = sections.firstIndex(where: { $0.id == "performance" }) {
            sections[index].blocks = [table.markdown, legend] + sections[index].blocks
        } else {
            sections.insert(NarrativeSection(id: "performance", heading: templates.phrases.render("section.performance", [:]),
                                             blocks: [table.markdown, legend]), at: min(1, sections.count))
        }
        return sections.map { [.id: .text($0.id), .heading: .text($0.heading), .blocks: .texts($0.blocks)] }
    }
}

/// Makes YAML front-matter values safe: a JSON string is a valid double-quoted YAML scalar.
///
/// Escapes exactly as Foundation's `JSONSerialization` (without escaping slashes) does, which this
/// replaced: three calls a note through it were 2% of a backfill (perf).
enum YAMLString {
    static func quoted(_ text: String) -> String {
        guard ByteSearch.containsByte(in: text, where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return "\"" + text + "\"" }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\u{8}": quoted += "\\b"
            case "\u{C}": quoted += "\\f"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case "\u{0}"..."\u{1F}": quoted += (scalar.value < 0x10 ? "\\u000" : "\\u00") + String(scalar.value, radix: 16)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}

/// Keeps the editor's Markdown inside its section: its headings are moved under the note's own
/// section heading (h2), the editor's highest level becoming h3 and the others keeping their
/// distance from it, so an outline that starts at `##` does not skip a level. A setext heading
/// (a line underlined with `===` or `---`) is written as the ATX heading of its new level, since
/// setext has only two. Headings inside a block quote or list item stay as they are.
enum CommentaryMarkdown {
    static let topLevel = 3

    /// A heading of the editor's: the lines it takes (a setext heading's text and underline), its
    /// level, and what follows the hashes of its ATX form.
    struct Heading: Equatable {
        var lines: Range<Int>
        var level: Int
        var text: Substring
    }

    static func confine(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let headings = headings(lines)
        guard let highest = headings.map(\.level).min() else { return markdown }
        var output: [Substring] = []
        var next = 0
        for heading in headings {
            output += lines[next..<heading.lines.lowerBound]
            output.append(String(repeating: "#", count: min(6, heading.level - highest + topLevel)) + heading.text)
            next = heading.lines.upperBound
        }
        return (output + lines[next...]).joined(separator: "\n")
    }

    /// The top-level headings of `lines`, in order, as CommonMark reads them: not in fenced or
    /// indented code, not in a block quote or list item (whose lines the heading would have to
    /// keep the markers of).
    static func headings(_ lines: [Substring]) -> [Heading] {
        var headings: [Heading] = []
        var paragraph: Int?  // the first line of the open top-level paragraph
        var inContainer = false, afterBlank = false
        for (index, (line, inFence)) in zip(lines, MarkdownFences.insideFences(lines)).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            let isBlank = content.allSatisfy(\.isWhitespace)
            defer { afterBlank = isBlank && !inFence }
            if inFence || isBlank || MarkdownFences.isFence(line) {
                paragraph = nil
                continue
            }
            if inContainer {
                guard afterBlank, indent == 0, !Self.startsContainer(content) else { continue }
                inContainer = false
            }
            if let start = paragraph, indent <= 3, let level = Self.underlineLevel(content) {
                let text = lines[start..<index].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: " ")
                headings.append(Heading(lines: start..<index + 1, level: level, text: " " + text))
                paragraph = nil
            } else if indent <= 3, let level = Self.atxLevel(content) {
                headings.append(Heading(lines: index..<index + 1, level: level, text: content.dropFirst(level)))
                paragraph = nil
            } else if indent <= 3, Self.startsContainer(content) {
                inContainer = true
                paragraph = nil
            } else if paragraph == nil, indent <= 3, !Self.isThematicBreak(content) {
                paragraph = index
            } else if paragraph != nil, Self.isThematicBreak(content) {
                paragraph = nil
            }
        }
        return headings
    }

    /// `#` to `######` followed by a space or nothing.
    static func atxLevel(_ content: Substring) -> Int? {
        let level = content.prefix { $0 == "#" }.count
        guard (1...6).contains(level), content.dropFirst(level).first.map({ $0 == " " || $0 == "\t" }) ?? true else { return nil }
        return level
    }

    /// A setext underline: `=`s (level 1) or `-`s (level 2), and nothing else but trailing spaces.
    static func underlineLevel(_ content: Substring) -> Int? {
        let marks = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = marks.first, first == "=" || first == "-", marks.allSatisfy({ $0 == first }) else { return nil }
        return first == "=" ? 1 : 2
    }

    /// A block quote or a list item: `>`, or `-`, `*`, `+`, `1.` or `1)` followed by a space or nothing.
    static func startsContainer(_ content: Substring) -> Bool {
        if content.first == ">" { return true }
        let marker = content.first.map { "-*+".contains($0) } == true ? content.prefix(1) : content.prefix { $0.isASCII && $0.isNumber }
        guard !marker.isEmpty, marker.count <= 9 else { return false }
        var rest = content.dropFirst(marker.count)
        if marker.first?.isNumber == true {
            guard rest.first == "." || rest.first == ")" else { return false }
            rest = rest.dropFirst()
        }
        return rest.first.map { $0 == " " || $0 == "\t" } ?? true
    }

    /// Three or more `*`, `-` or `_`, with spaces between them allowed.
    static func isThematicBreak(_ content: Substring) -> Bool {
        let marks = content.filter { !$0.isWhitespace }
        guard let first = marks.first, "*-_".contains(first), marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == first }
    }
}

extension String {
    func trimmingTrailingBlankLines() -> String {
        var text = self
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }
}
