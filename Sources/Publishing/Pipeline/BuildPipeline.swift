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
        let checked = try readInputs()
        let analysis = HistoryAnalysis(inputs: checked.inputs, jobs: options.jobs)
        do {
            return try publish(checked, analysis: analysis)
        } catch {
            throw Self.report(error, outputPath: checked.outputPath)
        }
    }

    /// What a build publishes from: the inputs and templates, checked, with the output opening.
    struct CheckedInputs {
        var inputs: ProjectInputs
        var templates: TemplateLibrary
        /// Where the site is published, links followed.
        var outputPath: String
        /// The output, opened in the background with the manifest of the site it holds.
        var opening: BackgroundWork<(AtomicOutput, Result<SiteManifest, UnreadableManifest>)>
        /// Warnings about the commentary's and quotes' links, found before any error stopped the build.
        var contentWarnings: [Diagnostic]
    }

    /// Reads the configuration, data and templates (the templates while the data loads) and
    /// opens the output beside them, checking them in the same run so that every problem is
    /// reported at once; throws the errors with the warnings found alongside.
    private func readInputs() throws(DiagnosticReport) -> CheckedInputs {
        var diagnostics = DiagnosticCollector()
        let root = options.projectRoot
        let templatesReading = BackgroundWork(concurrent: concurrent) { () throws -> TemplateLibrary in
            try TemplateLibrary(projectRoot: root)
        }
        let loader = ProjectLoader(root: root, jobs: options.jobs)
        // A config with errors still names the data files, which are checked in the same run.
        let configRead = diagnostics.collect { () throws -> (config: ProjectConfig?, diagnostics: [Diagnostic]) in
            try loader.loadConfigReporting()
        }
        diagnostics.report(DiagnosticReport(configRead?.diagnostics ?? []))
        let config = configRead?.config
        let (outputPath, opening) = openOutput(config, diagnostics: &diagnostics)
        let inputs = config.flatMap { config in diagnostics.collect { () throws -> ProjectInputs in try loader.load(config: config) } }
        if let inputs {
            diagnostics.report(DiagnosticReport(EmailEditions.validate(inputs.config) + StaticFileConflicts.errors(inputs.staticFiles)))
        }
        let templates = diagnostics.collect { () throws -> TemplateLibrary in try templatesReading.finish() }
        // Checked before the other inputs' errors stop the build, so they are reported with them.
        let contentWarnings = inputs.map { ContentLinks.warnings($0, templates: templates) } ?? []
        guard let inputs, let templates, let opening, !diagnostics.hasErrors else {
            // Nothing was written: the output goes back as it was.
            (try? opening?.finish())?.0.abandon()
            // The warnings loading found are printed with the errors, not only once they are fixed.
            throw DiagnosticReport(diagnostics.diagnostics + (inputs?.warnings ?? []) + contentWarnings)
        }
        return CheckedInputs(inputs: inputs, templates: templates, outputPath: outputPath, opening: opening,
                             contentWarnings: contentWarnings)
    }

    /// The output folder the configuration or `--output` names, and, unless it is refused, its
    /// opening in the background: the published site's manifest is read and the spare brought up
    /// to date while the data loads and the history is analysed.
    private func openOutput(_ config: ProjectConfig?, diagnostics: inout DiagnosticCollector)
        -> (path: String, opening: BackgroundWork<(AtomicOutput, Result<SiteManifest, UnreadableManifest>)>?) {
        // A link is followed: the site is published to (and never replaces) the folder it names.
        let outputPath = FileTree.followingLinks(options.outputPath ?? config.map { absolute($0.outputDirectory) } ?? "")
        guard config != nil else { return (outputPath, nil) }
        // Publishing replaces the output folder: never one that holds the project or other files.
        if let refusal = OutputRefusal(outputPath: outputPath, projectRoot: options.projectRoot) {
            // At the option or the config key that named the folder.
            let location = options.outputPath.map { SourceLocation.commandLine("--output \($0)") } ?? config?.location(of: "output")
            diagnostics.report(.error(at: location ?? SourceLocation(path: outputPath), "\(refusal)", hint: refusal.hint))
            return (outputPath, nil)
        }
        // The manifest is read once the output is opened: opening puts back a site that a build
        // killed mid-swap left retired, which a read before it would find missing.
        return (outputPath, BackgroundWork(concurrent: concurrent) { () throws -> (AtomicOutput, Result<SiteManifest, UnreadableManifest>) in
            let output = try AtomicOutput(outputPath: outputPath)
            return (output, Result { () throws(UnreadableManifest) in try SiteManifest.read(fromSite: outputPath) })
        })
    }

    /// Picks the notes to write against the opened site, then publishes them with every warning
    /// about the inputs; the output goes back as it was when the dates are refused.
    private func publish(_ checked: CheckedInputs, analysis: HistoryAnalysis) throws -> BuildSummary {
        let (output, manifestRead) = try checked.opening.finish()
        let dates: [SessionDate], previousManifest: SiteManifest
        do {
            previousManifest = try earlierNotes(manifestRead)
            dates = try selectDates(analysis.sessions, configPath: checked.inputs.config.path, published: previousManifest)
        } catch {
            output.abandon()
            throw error
        }
        // A backfill writes every note anyway.
        let correction = options.dates == .all ? nil : PriceCorrection(previousManifest, checked.inputs)
        let warnings = Self.inputWarnings(checked, analysis: analysis, dates: dates, published: previousManifest, correction: correction)
        return try publish(inputs: checked.inputs, templates: checked.templates, analysis: analysis, dates: dates,
                           previousManifest: previousManifest, correction: correction, output: output,
                           outputPath: checked.outputPath, warnings: warnings)
    }

    /// Every warning about the inputs a build prints, from loading to the sessions it writes; a
    /// corrected series' rows from its correction's month on are checked as new ones are.
    private static func inputWarnings(_ checked: CheckedInputs, analysis: HistoryAnalysis, dates: [SessionDate],
                                      published: SiteManifest, correction: PriceCorrection?) -> [Diagnostic] {
        let inputs = checked.inputs
        let firstUnchecked = ImplausibleMoves.firstUnchecked(analysis.sessions, published: published, first: dates.first!)
        return inputs.warnings + checked.contentWarnings + checked.templates.warnings
            + OffCalendarSessions.warnings(inputs) + MissingSessions.warnings(inputs) + NullPriceRows.warnings(inputs)
            + UnreachableQuotes.warnings(inputs) + UnstatedReleaseLag.warnings(inputs) + StaleMacro.warnings(analysis, newest: dates.last!)
            + LateSeries.warnings(inputs, sessions: analysis.sessions, newest: dates.last!)
            + ImplausibleMoves.warnings(inputs, from: firstUnchecked, to: dates.last!, corrected: correction?.firstChangeBySymbol ?? [:])
    }

    /// A failure while publishing, as the error the build prints: at the output folder, with
    /// what to do about it.
    private static func report(_ error: Error, outputPath: String) -> DiagnosticReport {
        let location = SourceLocation(path: outputPath)
        switch error {
        case let report as DiagnosticReport:
            return report
        case let unreadable as FolderEntries.Unreadable:
            return DiagnosticReport([unreadable.diagnostic()])
        case let failure as SiteWriteError:
            return DiagnosticReport([.error(at: location, "cannot write the site: \(failure.reason) (\(failure.path))", hint: failure.hint)])
        case let busy as OutputBusy:
            return DiagnosticReport([.error(at: location, "\(busy)", hint: "wait for the other build to finish; output/ stays as it is")])
        default:
            return DiagnosticReport([.error(at: location, "cannot write the site: \(systemMessage(error))",
                                            hint: "check that the output folder's parent exists and is writable")])
        }
    }

    private func absolute(_ path: String) -> String { FilePath.resolve(path, in: options.projectRoot) }

    /// A system error as the system words it ("Not a directory"), not Foundation's dump of it
    /// (`Error Domain=NSPOSIXErrorDomain Code=20 …`), also under a Foundation error that wraps it.
    /// A Foundation error without a system one says what it is and names its file
    /// ("You don’t have permission. (/srv/.output.retired)").
    static func systemMessage(_ error: Error) -> String {
        let error = error as NSError
        let posix = error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix, posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        guard error.domain == NSCocoaErrorDomain else { return "\(error)" }
        let path = (error.userInfo[NSFilePathErrorKey] ?? error.userInfo["NSDestinationFilePath"]) as? String
        return error.localizedDescription + (path.map { " (\($0))" } ?? "")
    }

    /// Whether independent steps (templates and data, opening the output, writing the manifest)
    /// run on their own threads: not under `--jobs 1`.
    private var concurrent: Bool { options.jobs != 1 }

    /// The notes already published. A backfill goes on without them when their list is missing or
    /// damaged, since it writes every note again; any other build stops, as it would drop them,
    /// and so does a backfill when the system refuses to read the list (permissions).
    func earlierNotes(_ read: Result<SiteManifest, UnreadableManifest>) throws(DiagnosticReport) -> SiteManifest {
        switch (read, options.dates) {
        case (.success(let manifest), _): return manifest
        case (.failure(let problem), .all) where problem.isReplaceable: return SiteManifest(notes: [])
        case (.failure(let problem), _):
            throw DiagnosticReport([.error(at: SourceLocation(path: problem.path), problem.message, hint: problem.hint)])
        }
    }

    /// The sessions to write, checked against the data (and, for `.published`, the site's notes).
    func selectDates(_ sessions: [SessionDate], configPath: String, published: SiteManifest = SiteManifest(notes: []))
        throws(DiagnosticReport) -> [SessionDate] {
        guard let first = sessions.first, let last = sessions.last else {
            throw DiagnosticReport([.error(at: SourceLocation(path: configPath), "the project has no price sessions",
                                           hint: "configure at least one series with a non-empty file")])
        }
        switch options.dates {
        case .latest:
            return [last]
        case .all:
            return sessions
        case .published:
            let dates = published.notes.map(\.date).filter { sessions.contains(session: $0) }
            guard !dates.isEmpty else {
                throw DiagnosticReport([.error(at: .commandLine("--published"), "the site has no notes to write again",
                                               hint: "build the newest note with marketnote build, or every session with --all")])
            }
            return dates
        case .single(let date):
            guard sessions.contains(session: date) else {
                throw DiagnosticReport([.notASession(date, in: sessions, at: .commandLine("--date \(date)"))])
            }
            return [date]
        case .range(let from, let to):
            let selected = sessions.filter { $0 >= (from ?? first) && $0 <= (to ?? last) }
            guard !selected.isEmpty else {
                let options = [from.map { "--from \($0)" }, to.map { "--to \($0)" }].compactMap { $0 }.joined(separator: " ")
                throw DiagnosticReport([.error(at: .commandLine(options),
                                               "no session between \(from ?? first) and \(to ?? last)",
                                               hint: "the data covers \(first) to \(last)")])
            }
            return selected
        }
    }

    /// Renders and writes the notes and site pages, then publishes them, unless the build is
    /// strict and `warnings` (about the inputs) or the rendering's own give it doubts.
    private func publish(inputs: ProjectInputs, templates: TemplateLibrary, analysis: HistoryAnalysis,
                         dates selected: [SessionDate], previousManifest: SiteManifest, correction: PriceCorrection?,
                         output: AtomicOutput, outputPath: String, warnings inputWarnings: [Diagnostic]) throws -> BuildSummary {
        let plan = plan(selected, inputs: inputs, templates: templates, analysis: analysis, previousManifest: previousManifest,
                        correction: correction)
        let site = SiteRenderer(config: inputs.config, templates: templates)
        do {
            // Keeping the earlier notes (most of a build's system calls when the staging folder
            // starts empty) overlaps the rendering.
            let carrying = BackgroundWork(concurrent: concurrent) { try output.keepPublished(where: Self.carriedOver(plan.manifestBefore)) }
            defer { try? carrying.finish() }
            let (entries, latest) = try writeNotes(plan, inputs: inputs, templates: templates, site: site, analysis: analysis,
                                                   output: output, outputPath: outputPath)
            try writeSitePages(manifest: plan.manifestBefore.merging(entries), latest: latest, site: site, inputs: inputs,
                               templates: templates, output: output)
            try carrying.finish()
            let warnings = inputWarnings + templates.unresolvedVariableWarnings()
                + NotesWithoutSessions.warnings(plan.manifestBefore, sessions: analysis.sessions, outputPath: outputPath)
            let doubts = warnings.filter { $0.severity == .warning }
            if options.strict && !doubts.isEmpty { throw Self.strictRefusal(doubts) }
            try output.commit()
            var summary = BuildSummary(notes: selected.count, first: selected.first, last: selected.last, revised: plan.revised,
                                       restyled: plan.restyled, repriced: plan.repriced, requoted: plan.requoted, restored: plan.restored,
                                       filesWritten: output.written,
                                       filesUnchanged: output.unchanged, outputPath: outputPath, startedFromSpare: output.startedFromSpare)
            summary.filesRemoved = output.removedCount
            summary.warnings = warnings + (output.recordFailure.map { [Self.recordWarning($0)] } ?? [])
            return summary
        } catch {
            output.abandon()
            throw error
        }
    }

    /// Which notes a build writes, and which published ones it keeps.
    struct Plan {
        /// The notes asked for.
        var selected: [SessionDate]
        /// Published notes written again: their commentary was edited (`revised`), the
        /// templates or configuration changed since (`restyled`), prices they were written
        /// from were corrected (`repriced`), or a quote their window holds changed (`requoted`).
        var revised: [SessionDate]
        var restyled: [SessionDate]
        var repriced: [SessionDate]
        var requoted: [SessionDate]
        /// Sessions new to the site whose rows were added to the data after the notes around them
        /// were written (a missing session put back): a backfill would write them.
        var restored: [SessionDate]
        /// Every note written: the above, and the notes beside a date new to the site.
        var dates: [SessionDate]
        /// The published notes kept, with this build's fingerprint and prices.
        var manifestBefore: SiteManifest
    }

    /// `correction`: what changed in the prices since the site's notes were written.
    private func plan(_ selected: [SessionDate], inputs: ProjectInputs, templates: TemplateLibrary, analysis: HistoryAnalysis,
                      previousManifest: SiteManifest, correction: PriceCorrection?) -> Plan {
        let published = previousManifest, sessions = analysis.sessions
        // A published note whose commentary was edited since is written again (a backfill
        // writes every note anyway).
        let revised = options.dates == .all ? []
            : published.notesToWriteAgain(outside: Set(selected), sessions: sessions) { CommentaryDigest.isRevised($0, inputs.commentary) }
        // After a change of template or configuration every published note is written again, so
        // the site never shows two looks or two base URLs (all of them, from a site that did not
        // record the fingerprint).
        let fingerprint = String(InputDigest.notes(templates: templates.filesInUse, configuration: inputs.config.meaning).value, radix: 16)
        let restyled = published.fingerprint == fingerprint ? []
            : published.notesToWriteAgain(outside: Set(selected + revised), sessions: sessions) { _ in true }
        // After a correction to the prices of published sessions, every note from its month on:
        // their returns, records and streaks may all have moved with it.
        let repriced = correction.map { correction in
            published.notesToWriteAgain(outside: Set(selected + revised + restyled), sessions: sessions) { $0.date >= correction.first }
        } ?? []
        let restored = Self.restored(published, newDays: correction?.newDays ?? [], building: Set(selected), sessions: sessions)
        // After an edit to a quote, every published note that could carry it.
        let quoteLines = QuoteDigest.lines(inputs.quotes)
        let requoted = options.dates == .all ? []
            : QuoteDigest.changedWindows(published, lines: quoteLines, windowDays: inputs.config.quotes.windowDays).map { holdsAChange in
                published.notesToWriteAgain(outside: Set(selected + revised + restyled + repriced), sessions: sessions) { holdsAChange($0.date) }
            } ?? []
        let rewritten = (revised + restyled + repriced + requoted + restored).sorted()
        // The notes beside a date new to the site link to it, so they are written again.
        let dates = Self.withNeighbours(rewritten.isEmpty ? selected : (selected + rewritten).sorted(), site: previousManifest,
                                        sessions: analysis.sessions)
        let building = Set(dates)
        // Every note of the new site is written with this build's templates and configuration. A
        // backfill is the site of the data: a published note of a date that is no session is left out.
        let kept = options.dates == .all ? [] : previousManifest.notes.filter { !building.contains($0.date) }
        let newest = max(dates.last!, kept.last?.date ?? dates.last!)
        let manifestBefore = SiteManifest(notes: kept, fingerprint: fingerprint, prices: PublishedPrices(inputs, through: newest),
                                          quotes: quoteLines)
        return Plan(selected: selected, revised: revised, restyled: restyled, repriced: repriced, requoted: requoted,
                    restored: restored, dates: dates, manifestBefore: manifestBefore)
    }

    /// Composes, renders and writes the notes of `plan` (pages and email editions), on every core,
    /// a chunk at a time; returns their manifest entries and the newest note with its home-page body.
    private func writeNotes(_ plan: Plan, inputs: ProjectInputs, templates: TemplateLibrary, site: SiteRenderer, analysis: HistoryAnalysis,
                            output: AtomicOutput, outputPath: String) throws -> (entries: [SiteManifest.Entry], latest: (NoteDocument, MarkupBytes)?) {
        let composer = NoteComposer(config: inputs.config, templates: templates)
        let email = EmailEditions(config: inputs.config, templates: templates)
        let (dates, manifestBefore) = (plan.dates, plan.manifestBefore)
        var entries: [SiteManifest.Entry] = []
        var latest: (NoteDocument, MarkupBytes)?
        let newestDate = max(dates.last!, manifestBefore.notes.last?.date ?? dates.last!)
        var done = 0
        // `--email-all` means the notes asked for, not the published ones written again with them.
        let emailForEveryNote = options.emailForEveryNote
        let asked = Set(plan.selected)
        let lastDate = plan.selected.last!
        // A note written again gets its edition again: `--all` after a template change
        // dropped every earlier edition, and `send --date` with it.
        let mailedBefore = try EmailEditions.publishedDates(inSite: outputPath)
        // The notes' folders are made up front, on one thread, while the earlier notes are kept.
        for date in dates { try output.makeDirectory(NotePaths.notePath(date)) }
        for chunk in stride(from: 0, to: dates.count, by: Self.chunkSize) {
            let chunkDates = Array(dates[chunk..<min(chunk + Self.chunkSize, dates.count)])
            // Each worker composes, renders and writes its notes; only what the site pages
            // need comes back, so memory stays flat however long the backfill.
            let results = ParallelMap.map(chunkDates, jobs: options.jobs) { date -> Result<PublishedNote, Error> in
                Result {
                    let mailed = (emailForEveryNote && asked.contains(date)) || date == lastDate || mailedBefore.contains(date)
                    let note = composer.compose(analysis.facts(on: date), quotes: inputs.quotes,
                                                commentary: inputs.commentary[date], withEmail: mailed)
                    let page = SitePath(note.path)
                    let body = site.body(note, on: page)
                    let previous = Self.previousEntry(before: date, dates: dates, manifest: manifestBefore)
                    let next = Self.nextEntry(after: date, dates: dates, manifest: manifestBefore)
                    var files = site.notePage(note, body: body, previous: previous, next: next)
                    if mailed { files += email.files(for: note) }
                    for file in files { try output.write(file) }
                    return PublishedNote(entry: SiteManifest.Entry(note, commentary: inputs.commentary[date]),
                                         latest: date == newestDate ? (note, site.body(note, on: .home)) : nil)
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
                                        commentary: inputs.commentary[newestDate], withEmail: false)
            latest = (note, site.body(note, on: .home))
        }
        return (entries, latest)
    }

    /// Writes the notes' list, the home page, the archive and feed pages (each kept when its
    /// inputs did not change), the stylesheet and the static files.
    private func writeSitePages(manifest: SiteManifest, latest: (NoteDocument, MarkupBytes)?, site: SiteRenderer, inputs: ProjectInputs,
                                templates: TemplateLibrary, output: AtomicOutput) throws {
        // The manifest is encoded and written while the site pages render.
        let manifestWriting = BackgroundWork(concurrent: concurrent) {
            try output.write(OutputFile(path: SiteManifest.path, bytes: manifest.encoded()))
        }
        defer { try? manifestWriting.finish() }
        try output.write(site.homePage(latest: latest, manifest: manifest))
        let fingerprint = InputDigest.site(templates: templates.filesInUse, configuration: inputs.config.meaning)
        // On every core, like the notes: on one thread, the 623 archive and feed pages were the
        // last 0.3 s of a backfill, with the other core idle.
        let pages = ParallelMap.map(site.sitePages(manifest: manifest, fingerprint: fingerprint), jobs: options.jobs) { page in
            Result {
                if try !output.reuse(page.path, inputs: page.inputs) { try output.write(page.render(), inputs: page.inputs) }
            }
        }
        for page in pages { try page.get() }
        try output.write(site.stylesheet())
        for path in inputs.staticFiles.paths {
            try output.write(OutputFile(path: path, bytes: try inputs.staticFiles.bytes(of: path)))
        }
        try manifestWriting.finish()
    }

    /// The sessions among `newDays` (rows added since the notes were written) that lie between the
    /// site's first and newest notes and have none: the notes around them were written without them.
    static func restored(_ manifest: SiteManifest, newDays: Set<SessionDate>, building: Set<SessionDate>,
                         sessions: [SessionDate]) -> [SessionDate] {
        guard !newDays.isEmpty, let first = manifest.notes.first?.date, let newest = manifest.notes.last?.date else { return [] }
        let published = Set(manifest.notes.map(\.date))
        return newDays.filter { day in
            day > first && day < newest && !published.contains(day) && !building.contains(day) && sessions.contains(session: day)
        }.sorted()
    }

    /// The site is published, but the record of its files is not: the next build starts from an
    /// empty staging folder, and the cause (usually a full disk) will soon stop a build.
    static func recordWarning(_ failure: SiteWriteError) -> Diagnostic {
        .init(.warning, at: SourceLocation(path: failure.path),
              "the site is published, but the record of its files could not be written: \(failure.reason)",
              hint: failure.remedy + "; the next build takes longer, as it compares every file of the site")
    }

    /// Under `--strict`, the build's warnings as errors, for a build that publishes nothing.
    static func strictRefusal(_ warnings: [Diagnostic]) -> DiagnosticReport {
        DiagnosticReport(warnings.map { warning in
            Diagnostic(.error, at: warning.location, warning.message,
                       hint: (warning.hint.map { $0 + "; " } ?? "") + "--strict makes every warning an error")
        })
    }

    /// The note before `date` on the new site: an earlier date of this build, or of the old site.
    /// Both lists are ascending; a binary search each, where a scan per note made a backfill
    /// quadratic (21 M comparisons for 6,500 notes).
    static func previousEntry(before date: SessionDate, dates: [SessionDate], manifest: SiteManifest) -> SiteManifest.Entry? {
        let builtIndex = dates.partitioningIndex { $0 >= date }, keptIndex = manifest.notes.partitioningIndex { $0.date >= date }
        let built = builtIndex > 0 ? dates[builtIndex - 1] : nil
        let kept = keptIndex > 0 ? manifest.notes[keptIndex - 1] : nil
        guard let built else { return kept }
        if let kept, kept.date > built { return kept }
        return .written(built)
    }

    /// The note after `date` on the new site: a later date of this build, or of the old site.
    static func nextEntry(after date: SessionDate, dates: [SessionDate], manifest: SiteManifest) -> SiteManifest.Entry? {
        let builtIndex = dates.partitioningIndex { $0 > date }, keptIndex = manifest.notes.partitioningIndex { $0.date > date }
        let built = builtIndex < dates.count ? dates[builtIndex] : nil
        let kept = keptIndex < manifest.notes.count ? manifest.notes[keptIndex] : nil
        guard let built else { return kept }
        if let kept, kept.date < built { return kept }
        return .written(built)
    }

    /// `dates` with the notes of the old site whose previous or next note becomes a date new to
    /// the site (a daily build's note before it): their links change, so they are written again.
    /// Only notes whose session is in the data can be; both lists are ascending.
    static func withNeighbours(_ dates: [SessionDate], site: SiteManifest, sessions: [SessionDate]) -> [SessionDate] {
        let published = site.notes.map(\.date)
        let building = Set(dates)
        var neighbours: Set<SessionDate> = []
        for (buildIndex, date) in dates.enumerated() {
            let index = published.partitioningIndex { $0 >= date }
            guard index == published.count || published[index] != date else { continue }  // not new
            // The closest kept notes on either side, unless a date of this build comes between.
            if index > 0, buildIndex == 0 || dates[buildIndex - 1] < published[index - 1] { neighbours.insert(published[index - 1]) }
            if index < published.count, buildIndex + 1 == dates.count || dates[buildIndex + 1] > published[index] {
                neighbours.insert(published[index])
            }
        }
        let rewritable = neighbours.filter { !building.contains($0) && sessions.contains(session: $0) }
        return rewritable.isEmpty ? dates : (dates + rewritable).sorted()
    }

    /// Which files of the previous site a build keeps: the note folders and email editions
    /// (`NotePaths.emailBase(date)` and an extension) of the notes it does not write again.
    static func carriedOver(_ manifest: SiteManifest) -> (UnsafeBufferPointer<UInt8>) -> Bool {
        let dates = DaySet(manifest.notes.map(\.date))
        // On UTF-8, the date read from the path (this runs for every file of the site): a note's
        // folder is `notes/DATE/` and its editions `email/DATE.EXT`, DATE as `description` prints it.
        return { path in
            let date: UnsafeBufferPointer<UInt8>
            if let name = ByteSearch.rest(of: path, after: "email/") {
                guard !name.contains(0x2F) else { return false }
                date = UnsafeBufferPointer(rebasing: name[..<(name.firstIndex(of: 0x2E) ?? name.endIndex)])
            } else if let name = ByteSearch.rest(of: path, after: "notes/"), let slash = name.firstIndex(of: 0x2F) {
                date = UnsafeBufferPointer(rebasing: name[..<slash])
            } else {
                return false
            }
            return SessionDate(isoBytes: date).map(dates.contains) ?? false
        }
    }
}

/// What a worker hands back for a note it wrote: its manifest entry, and the note itself when the
/// home page will show it.
struct PublishedNote: @unchecked Sendable {
    let entry: SiteManifest.Entry
    let latest: (NoteDocument, MarkupBytes)?
}
