import Analytics
import Foundation
import MarketData

/// Composes a note: narrative, tables, quotes and commentary poured into the Markdown templates.
public struct NoteComposer: Sendable {
    public let config: ProjectConfig
    public let templates: TemplateLibrary
    public let writer: NarrativeWriter
    public let quoteSelector: QuoteSelector

    public init(config: ProjectConfig, templates: TemplateLibrary) {
        self.config = config
        self.templates = templates
        writer = NarrativeWriter(phrases: templates.phrases, series: config.series)
        quoteSelector = QuoteSelector(settings: config.quotes)
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
                                 _ commentary: Commentary?, title: String) -> [String: Any] {
        let noteURL = config.baseURL + NotePaths.notePath(facts.date)
        var sections: [[String: Any]] = narrative.sections.map { section in
            ["id": section.id, "heading": section.heading, "blocks": section.blocks]
        }
        let table = ReturnsTable(facts: facts, figures: figures)
        let legend = table.legend(notAvailable: templates.phrases.render("returns.notAvailable", [:]),
                                  notYet: templates.phrases.render("returns.notYet", [:]))
        if let index = sections.firstIndex(where: { $0["id"] as? String == "performance" }) {
            sections[index]["blocks"] = [table.markdown, legend] + (sections[index]["blocks"] as? [String] ?? [])
        } else {
            sections.insert(["id": "performance", "heading": templates.phrases.render("section.performance", [:]),
                             "blocks": [table.markdown, legend]], at: min(1, sections.count))
        }
        var context: [String: Any] = [
            "title": title,
            "summary": narrative.summary,
            "date": facts.date.description,
            "dateLong": NumberStyle.longDate(facts.date),
            "sections": sections,
            "site": config.siteContext,
            "noteURL": noteURL,
            "noteLink": MarkdownEscaping.linkDestination(noteURL),
            "factsLink": MarkdownEscaping.linkDestination(noteURL + "facts.json"),
            "chartsLink": MarkdownEscaping.linkDestination(noteURL + "#charts"),
            "subjectYAML": YAMLString.quoted(config.email.subject(for: title)),
            "preheaderYAML": YAMLString.quoted(narrative.summary),
            "urlYAML": YAMLString.quoted(noteURL),
            "quotesHeading": templates.phrases.render("section.quotes", [:]),
            "quotes": quotes.map { quote -> [String: Any] in
                ["text": MarkdownEscaping.blockquote(quote.text), "by": quote.by, "firm": quote.firm ?? "", "hasFirm": quote.firm != nil,
                 "dateLong": NumberStyle.longDate(quote.date), "hasURL": quote.url != nil,
                 "link": quote.url.map(MarkdownEscaping.linkDestination) ?? ""]
            },
            "hasQuotes": !quotes.isEmpty,
        ]
        if let disclaimer = config.disclaimer { context["disclaimer"] = disclaimer }
        if let unsubscribe = config.email.unsubscribeLink { context["unsubscribeLink"] = MarkdownEscaping.linkDestination(unsubscribe) }
        if let commentary, !commentary.body.isEmpty {
            context["commentary"] = ["heading": templates.phrases.render("section.commentary", [:]),
                                     "body": CommentaryMarkdown.confine(commentary.body)]
        }
        return context
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
/// distance from it, so an outline that starts at `##` does not skip a level.
enum CommentaryMarkdown {
    static let topLevel = 3

    static func confine(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let levels = headingLevels(lines)
        guard let highest = levels.compactMap({ $0 }).min() else { return markdown }
        return zip(lines, levels).map { line, level -> String in
            guard let level else { return String(line) }
            let trimmed = line.drop { $0 == " " }
            return String(repeating: "#", count: min(6, level - highest + topLevel)) + trimmed.dropFirst(level)
        }.joined(separator: "\n")
    }

    /// Each line's ATX heading level, nil for a line that is not a heading (fenced code included).
    static func headingLevels(_ lines: [Substring]) -> [Int?] {
        zip(lines, MarkdownFences.insideFences(lines)).map { line, inFence in
            let trimmed = line.drop { $0 == " " }
            guard !inFence, trimmed.hasPrefix("#") else { return nil }
            let level = trimmed.prefix { $0 == "#" }.count
            guard level <= 6, trimmed.dropFirst(level).first.map({ $0 == " " }) ?? true else { return nil }
            return level
        }
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
