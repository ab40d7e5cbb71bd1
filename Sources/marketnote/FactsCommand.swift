import Analytics
import ArgumentParser
import Foundation
import MarketData
import Newsletter
import Publishing

/// `marketnote facts`: prints the facts of a date, for auditing and scripting.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: "Print the facts of a date (default: the last session in the data).")

    @OptionGroup var projectOptions: ProjectOptions

    @Option(help: "The session (YYYY-MM-DD).")
    var date: DateArgument?

    @Flag(help: "Print the facts as JSON, as facts.json holds them under \"facts\".")
    var json = false

    func run() throws {
        let inputs = try ProjectLoader(root: projectOptions.root).load()
        let analysis = HistoryAnalysis(inputs: inputs)
        guard let last = analysis.sessions.last else {
            throw DiagnosticReport([.error(at: SourceLocation(path: inputs.config.path), "the project has no price sessions")])
        }
        let day = date?.date ?? last
        guard analysis.sessions.contains(session: day) else {
            throw DiagnosticReport([.notASession(day, in: analysis.sessions, at: .commandLine("--date \(day)"),
                                                 afterData: "add the prices of \(day) to the data files to see its facts")])
        }
        let facts = analysis.facts(on: day)
        if json {
            // One layout for the facts, whether read here or beside a published note.
            Terminal.out(bytes: facts.json)
        } else {
            let templates = try TemplateLibrary(projectRoot: projectOptions.root)
            let figures = FigureLedger()
            let narrative = NarrativeWriter(phrases: templates.phrases, series: inputs.config.series).write(facts, figures: figures)
            Terminal.out("\(day): \(narrative.headline)")
            for statement in narrative.statements {
                Terminal.out("[\(String(format: "%+.2f", statement.score))] " + statement.plain.joined(separator: " "))
            }
            // The quotes in the day's window, and which the note carries: a quote left out is
            // otherwise invisible to the editor (no shared topic, or beyond the maximum).
            let chosen = NoteComposer(config: inputs.config, templates: templates)
                .compose(facts, quotes: inputs.quotes, commentary: inputs.commentary[day], withEmail: false).quotes
            for quote in QuoteSelector(settings: inputs.config.quotes).inWindow(inputs.quotes, on: day) {
                Terminal.out((chosen.contains(quote) ? "quote: " : "quote not carried: ")
                    + "\(quote.by), \(quote.firm.map { $0 + ", " } ?? "")\(quote.date) [\(quote.topics.joined(separator: ", "))]")
            }
        }
    }
}
