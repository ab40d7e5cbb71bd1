import ArgumentParser
import Foundation
import MarketData
import Analytics
import Newsletter

/// Writes the web Markdown of every note of a project, one file per session, so that the
/// references (cmark-gfm in-process, the cmark-gfm command, Hugo) render exactly what marketnote renders.
struct ExportMarkdown: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-markdown")

    @Option var project: String
    @Option var output: String
    @Flag(help: "Write Hugo content files (front matter with title and date) instead of plain Markdown.")
    var hugo = false

    func run() throws {
        let inputs = try ProjectLoader(root: project).load()
        let templates = try TemplateLibrary(directory: project + "/templates")
        let analysis = HistoryAnalysis(inputs: inputs)
        let composer = NoteComposer(config: inputs.config, templates: templates)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for date in analysis.sessions {
            let note = composer.compose(analysis.facts(on: date), quotes: inputs.quotes, commentary: inputs.commentary[date], withEmail: false)
            var text = note.markdown
            if hugo {
                let title = note.title.replacingOccurrences(of: "\"", with: "\\\"")
                text = "---\ntitle: \"\(title)\"\ndate: \(date)\n---\n\n" + text
            }
            try text.write(toFile: "\(output)/\(date).md", atomically: false, encoding: .utf8)
        }
    }
}
