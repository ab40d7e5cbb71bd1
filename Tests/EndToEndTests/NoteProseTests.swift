import Analytics
import Foundation
import MarketData
import Newsletter
import Testing
import TestSupport

/// A note reads as written, not assembled: no sentence of its prose is printed twice, on the web
/// or in the email, on any day of the sample's last year.
@Suite struct NoteProseTests {
    /// The sample project, loaded and analysed once for the suite.
    static let sample = Result { () throws -> (inputs: ProjectInputs, analysis: HistoryAnalysis) in
        let inputs = try ProjectLoader(root: SampleProject.root).load()
        return (inputs, HistoryAnalysis(inputs: inputs))
    }

    @Test func noNotePrintsTheSameSentenceTwice() throws {
        let (inputs, analysis) = try Self.sample.get()
        let composer = NoteComposer(config: inputs.config, templates: try TemplateLibrary(directory: SampleProject.root + "/templates"))
        for date in analysis.sessions.suffix(260) {
            let note = composer.compose(analysis.facts(on: date), quotes: inputs.quotes, commentary: inputs.commentary[date])
            for (edition, markdown) in [("web", note.markdown), ("email", note.emailMarkdown ?? "")] {
                var seen: Set<String> = []
                for sentence in Self.sentences(markdown) where !seen.insert(sentence).inserted {
                    Issue.record("\(date) \(edition): printed twice: '\(sentence)'")
                }
            }
        }
    }

    @Test func anEarlierMacroReadingIsNamedOnlyWhenAYearOrMoreSeparatesIt() throws {
        let analysis = try Self.sample.get().analysis
        var named = 0, skipped = 0
        for date in analysis.sessions.suffix(2_600) {
            let facts = analysis.facts(on: date)
            let text = NarrativeWriter().write(facts, figures: FigureLedger()).statements.flatMap(\.plain).joined(separator: " ")
            for macro in facts.macro where !macro.isStale {
                guard let extreme = macro.highest, let since = extreme.since, let before = extreme.beforeThat,
                      since.period.lastDay.years(until: macro.period.firstDay) >= 1 else { continue }
                let sentence = "Before \(NumberStyle.period(since.period)), a reading that high last came in \(NumberStyle.period(before.period))."
                let far = before.period.lastDay.years(until: since.period.firstDay) >= 1
                #expect(text.contains(sentence) == far, "\(date): \(far ? "missing" : "needless"): \(sentence)")
                if far { named += 1 } else { skipped += 1 }
            }
        }
        // The sample has both kinds: the seed's "since mid-2014, before that early 2006", and runs of high quarters.
        #expect(named > 0 && skipped > 0, "named \(named), skipped \(skipped)")
    }

    /// The prose sentences of a note's Markdown of four words or more: front matter, headings,
    /// tables, emphasis and the closing links left out.
    static func sentences(_ markdown: String) -> [String] {
        var body = markdown
        if body.hasPrefix("---\n"), let end = body.range(of: "\n---\n", range: body.index(body.startIndex, offsetBy: 4)..<body.endIndex) {
            body = String(body[end.upperBound...])
        }
        let prose = body.split(separator: "\n").filter { line in
            !(line.hasPrefix("#") || line.hasPrefix("|") || line.hasPrefix("---") || line.contains("]("))
        }.joined(separator: " ").replacingOccurrences(of: "*", with: "")
        return prose.components(separatedBy: ". ").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.split(separator: " ").count >= 4 }
    }
}
