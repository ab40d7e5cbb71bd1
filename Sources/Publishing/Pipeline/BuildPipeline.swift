import Analytics
import Dispatch
import Foundation
import MarketData
import Newsletter

/// `marketnote build`: load, analyze, compose, publish, as named steps over a project.
public struct BuildPipeline {
    public let options: BuildOptions
    /// Called with (done, total) while notes are rendered.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Notes are composed and rendered in chunks, so memory stays bounded in a long backfill.
    static let chunkSize = 256

    public func run() throws(DiagnosticReport) -> BuildSummary {
        // Inputs and templates are checked in the same run, so every problem is reported at once.
        var diagnostics = DiagnosticCollector()
        let inputs = diagnostics.collect { () throws -> ProjectInputs in try ProjectLoader(root: options.projectRoot, jobs: options.jobs).load() }
        if let inputs { diagnostics.report(DiagnosticReport(EmailEditions.validate(inputs.config))) }
        let templates = diagnostics.collect { () throws -> TemplateLibrary in try TemplateLibrary(directory: templatesDirectory()) }
        try diagnostics.throwIfErrors()
        guard let inputs, let templates else { throw DiagnosticReport(diagnostics.diagnostics) }
        let analysis = HistoryAnalysis(inputs: inputs, jobs: options.jobs)
        let dates = try selectDates(analysis.sessions, configPath: inputs.config.path)
        let outputPath = options.outputPath ?? absolute(inputs.config.outputDirectory)
        do {
            return try publish(inputs: inputs, templates: templates, analysis: analysis, dates: dates, outputPath: outputPath)
        } catch let report as DiagnosticReport {
            throw report
        } catch let busy as OutputBusy {
            throw DiagnosticReport([.error(at: SourceLocation(path: outputPath), "\(busy)",
                                           hint: "wait for the other build to finish; output/ stays as it is")])
        } catch {
            throw DiagnosticReport([.error(at: SourceLocation(path: outputPath), "cannot write the site: \(error)",
                                           hint: "check that the output folder's parent exists and is writable")])
        }
    }

    private func absolute(_ path: String) -> String { FilePath.resolve(path, in: options.projectRoot) }

    private func templatesDirectory() -> String? {
        let path = absolute("templates")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? path : nil
    }

    /// The sessions to write, checked against the data.
    func selectDates(_ sessions: [SessionDate], configPath: String) throws(DiagnosticReport) -> [SessionDate] {
        guard let first = sessions.first, let last = sessions.last else {
            throw DiagnosticReport([.error(at: SourceLocation(path: configPath), "the project has no price sessions",
                                           hint: "configure at least one series with a non-empty file")])
        }
        switch options.dates {
        case .latest:
            return [last]
        case .all:
            return sessions
        case .single(let date):
            guard sessions.contains(date) else {
                let before = sessions.last { $0 < date }, after = sessions.first { $0 > date }
                let nearest = [before, after].compactMap { $0?.description }.joined(separator: " or ")
                throw DiagnosticReport([.error(at: SourceLocation(path: configPath),
                                               "\(date) is not a session in the data (\(first) to \(last))",
                                               hint: nearest.isEmpty ? nil : "the nearest sessions are \(nearest)")])
            }
            return [date]
        case .range(let from, let to):
            let selected = sessions.filter { $0 >= (from ?? first) && $0 <= (to ?? last) }
            guard !selected.isEmpty else {
                throw DiagnosticReport([.error(at: SourceLocation(path: configPath),
                                               "no session between \(from ?? first) and \(to ?? last)",
                                               hint: "the data covers \(first) to \(last)")])
            }
            return selected
        }
    }

    private func publish(inputs: ProjectInputs, templates: TemplateLibrary, analysis: HistoryAnalysis,
                         dates: [SessionDate], outputPath: String) throws -> BuildSummary {
        let composer = NoteComposer(config: inputs.config, templates: templates)
        let site = SiteRenderer(config: inputs.config, templates: templates)
        let email = EmailEditions(config: inputs.config, templates: templates)
        let previousManifest = SiteManifest.read(fromSite: outputPath)
        let building = Set(dates)
        let manifestBefore = SiteManifest(notes: previousManifest.notes.filter { !building.contains($0.date) })
        let output = try AtomicOutput(outputPath: outputPath)
        do {
            var entries: [SiteManifest.Entry] = []
            var latest: (NoteDocument, String)?
            let newestDate = max(dates.last!, manifestBefore.notes.last?.date ?? dates.last!)
            var done = 0
            let emailForEveryNote = options.emailForEveryNote
            let lastDate = dates.last!
            // Linking the kept notes (most of a daily build's system calls) overlaps the rendering.
            let carrying = BackgroundWork { try Self.carryOver(manifestBefore, from: outputPath, into: output) }
            defer { try? carrying.finish() }
            // The notes' folders are made up front, on one thread, for the same reason.
            for date in dates { try output.makeDirectory(NotePaths.notePath(date)) }
            for chunk in stride(from: 0, to: dates.count, by: Self.chunkSize) {
                let chunkDates = Array(dates[chunk..<min(chunk + Self.chunkSize, dates.count)])
                // Each worker composes, renders and writes its notes; only what the site pages
                // need comes back, so memory stays flat however long the backfill.
                let results = ParallelMap.map(chunkDates, jobs: options.jobs) { date -> Result<PublishedNote, Error> in
                    Result {
                        let note = composer.compose(analysis.facts(on: date), quotes: inputs.quotes,
                                                    commentary: inputs.commentary[date])
                        let body = site.body(note)
                        let previous = Self.previousEntry(before: date, dates: dates, manifest: manifestBefore)
                        var files = site.notePage(note, body: body, previous: previous)
                        if emailForEveryNote || date == lastDate { files += email.files(for: note) }
                        for file in files { try output.write(file) }
                        return PublishedNote(entry: SiteManifest.Entry(note), latest: date == newestDate ? (note, body) : nil)
                    }
                }
                for result in results {
                    let published = try result.get()
                    entries.append(published.entry)
                    if let note = published.latest { latest = note }
                }
                done += chunkDates.count
                progress?(done, dates.count)
            }
            if latest == nil, analysis.sessions.contains(newestDate) {
                // The home page shows the newest note in full, even when this build wrote an older one.
                let note = composer.compose(analysis.facts(on: newestDate), quotes: inputs.quotes,
                                            commentary: inputs.commentary[newestDate])
                latest = (note, site.body(note))
            }
            let manifest = manifestBefore.merging(entries)
            try output.write(site.homePage(latest: latest, manifest: manifest))
            for file in site.sitePages(manifest: manifest) { try output.write(file) }
            try output.write(site.stylesheet())
            try output.write(OutputFile(path: SiteManifest.path, bytes: manifest.encoded()))
            try carrying.finish()
            try output.commit()
            return BuildSummary(notes: dates.count, first: dates.first, last: dates.last, filesWritten: output.written,
                                filesUnchanged: output.unchanged, outputPath: outputPath)
        } catch {
            output.abandon()
            throw error
        }
    }

    /// The note before `date` on the new site: an earlier date of this build, or of the old site.
    static func previousEntry(before date: SessionDate, dates: [SessionDate], manifest: SiteManifest) -> SiteManifest.Entry? {
        let built = dates.last { $0 < date }
        let kept = manifest.notes.last { $0.date < date }
        guard let built else { return kept }
        if let kept, kept.date > built { return kept }
        return SiteManifest.Entry(date: built, title: "", summary: "", path: NotePaths.notePath(built))
    }

    /// Keeps the earlier notes (and their email editions) of the previous site. On one thread:
    /// creating folders in one parent from two threads only makes them wait on its lock (measured).
    private static func carryOver(_ manifest: SiteManifest, from outputPath: String, into output: AtomicOutput) throws {
        // An edition is `NotePaths.emailBase(date)` and an extension (.md, .html, .eml).
        let kept = Set(manifest.notes.map { NotePaths.emailBase($0.date) })
        let emails = FileTree.entries(outputPath + "/email").filter { !$0.isDirectory }.map { "email/" + $0.name }
            .filter { kept.contains(String($0.prefix { $0 != "." })) }
        for entry in manifest.notes { try output.keep(directory: entry.path, from: outputPath) }
        for path in emails { try output.keep(file: path, from: outputPath) }
    }
}

/// What a worker hands back for a note it wrote: its manifest entry, and the note itself when the
/// home page will show it.
struct PublishedNote: @unchecked Sendable {
    let entry: SiteManifest.Entry
    let latest: (NoteDocument, String)?
}

