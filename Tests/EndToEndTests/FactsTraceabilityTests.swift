import Foundation
import MarketData
import Newsletter
import Testing
import TestSupport

/// Every number the note prints is in its facts.json and every figure there is printed, and changing
/// the data changes the note.
@Suite(.serialized) struct FactsTraceabilityTests {
    @Test func everyNumberInTheNarrativeAndTablesIsAFigureOfFactsJSON() throws {
        let output = try SampleProject.build()
        let facts = try NoteFactsFile(output + "/notes/2026-01-15/facts.json")
        let markdown = try SampleProject.read(output + "/email/2026-01-15.md")
        // Quotes and commentary are people's words, not computed facts: leave them out.
        let computed = markdown.components(separatedBy: "\n## What analysts say")[0]
            .components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n")
        let numbers = NumberTokens.in(computed)
        // A number is traced when it is a printed figure, or part of a name the facts carry ("S&P 500").
        let figures = Set((facts.figureTexts + facts.strings).flatMap(NumberTokens.in))
        #expect(numbers.count > 20)
        for number in numbers {
            #expect(figures.contains(number), "\(number) is not a figure of facts.json")
        }
    }

    /// The other direction: facts.json lists no figure the note does not print. Statements format
    /// every value their phrases might use; before the ledger kept only printed figures, half the
    /// sample's notes listed one they did not print ("1st", "Q4 2001", an unstated 10% yardstick).
    @Test func everyFigureOfFactsJSONIsPrintedInTheNote() throws {
        let (inputs, analysis) = try NoteProseTests.sample.get()
        let composer = NoteComposer(config: inputs.config, templates: try TemplateLibrary(directory: SampleProject.root + "/templates"))
        var checked = 0
        for date in analysis.sessions.suffix(2_600) {
            let note = composer.compose(analysis.facts(on: date), quotes: inputs.quotes, commentary: inputs.commentary[date],
                                        withEmail: false)
            let published = [note.title, note.summary, note.markdown].joined(separator: "\n")
            for figure in note.figures {
                let isPrinted = published.contains(figure.text)
                #expect(isPrinted, "\(date): \(figure.source) '\(figure.text)' is not printed")
                checked += 1
            }
        }
        #expect(checked > 2_600 * 20)
    }

    @Test func everyFigureMatchesTheRawValueItCameFrom() throws {
        let output = try SampleProject.build()
        let facts = try NoteFactsFile(output + "/notes/2026-01-15/facts.json")
        let figures = facts.json["figures"] as? [[String: Any]] ?? []
        for figure in figures {
            guard let value = figure["value"] as? Double, let text = figure["text"] as? String, text.hasSuffix("%") else { continue }
            let printed = Double(text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: "%", with: ""))!
            let source = figure["source"] as? String ?? ""
            let scale = source.hasPrefix("macro") || source.hasPrefix("breadth") && source.contains("groups") ? 1.0 : 100.0
            #expect(abs(abs(printed) - abs(value * scale)) <= 0.05 + 1e-9, "\(text) vs \(value) at \(source)")
        }
    }

    /// A figure's source is the path of the value it was formatted from: each close and return the
    /// note prints is the value at its path in facts.json (or its size, for a move told in words).
    @Test func eachPrintedCloseAndReturnIsTheValueAtItsPath() throws {
        let output = try SampleProject.build()
        let facts = try NoteFactsFile(output + "/notes/2026-01-15/facts.json")
        var values: [String: Double] = [:]
        for series in (facts.json["facts"] as? [String: Any])?["series"] as? [[String: Any]] ?? [] {
            let symbol = series["symbol"] as? String ?? ""
            values["series.\(symbol).close"] = series["close"] as? Double
            for periodReturn in series["returns"] as? [[String: Any]] ?? [] {
                values["series.\(symbol).returns.\(periodReturn["period"] as? String ?? "")"] = periodReturn["value"] as? Double
            }
        }
        var checked = 0
        for figure in facts.json["figures"] as? [[String: Any]] ?? [] {
            guard let source = figure["source"] as? String, let value = values[source] else { continue }
            // A sentence that says "fell 0.1%" records the move's size.
            #expect((figure["value"] as? Double).map(abs) == abs(value), "\(figure["text"] ?? "") at \(source)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test func changingTheDataChangesTheNote() throws {
        let project = try SampleProject.copy()
        // Drop IWM's last session: the note date is still 2026-01-15 (SPY has it), but IWM's streak and YTD change.
        let path = project + "/content/data/IWM.csv"
        var lines = try SampleProject.read(path).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        // And lower the fourth-quarter nowcast below the 2014 reading's neighbours.
        let gdp = project + "/content/data/gdp-nowcast.csv"
        try SampleProject.read(gdp).replacingOccurrences(of: "2025Q4,5.3", with: "2025Q4,2.1")
            .write(toFile: gdp, atomically: true, encoding: .utf8)
        let original = try SampleProject.read(try SampleProject.build() + "/email/2026-01-15.md")
        let altered = try SampleProject.read(try SampleProject.build(project: project) + "/email/2026-01-15.md")
        #expect(original != altered)
        #expect(!altered.contains("for the 10th straight session"))
        #expect(!altered.contains("5.3%"))
        // 2.1% is a plain reading, known since October: told in its week's first note, not on a Thursday.
        #expect(!altered.contains("2.1%") && !altered.contains("## The economy"))
        #expect(altered.contains("IWM (Jan. 14)"))
    }
}
