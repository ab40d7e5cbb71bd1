import Foundation

/// Reads a newsletter project from disk: `marketnote.yml`, the data files it names, quotes and
/// commentary. Every file is read once; every problem in every file is reported together.
public struct ProjectLoader {
    public let root: String
    public let configName: String
    /// Threads for reading and parsing price files (0: one per core).
    public let jobs: Int

    public init(root: String, configName: String = "marketnote.yml", jobs: Int = 0) {
        self.root = root
        self.configName = configName
        self.jobs = jobs
    }

    public func load() throws(DiagnosticReport) -> ProjectInputs {
        try load(config: loadConfig())
    }

    /// The data, quotes and commentary `config` names (read by `loadConfig`).
    public func load(config: ProjectConfig) throws(DiagnosticReport) -> ProjectInputs {
        var diagnostics = DiagnosticCollector()
        var files = FileCache(root: root)
        files.preloadPrices(config.series, jobs: jobs)
        let prices = config.series.compactMap { series in
            diagnostics.collect { () throws -> PriceSeries in try files.prices(series) }
        }
        var macro: [String: ObservationSeries] = [:]
        for item in config.macro {
            macro[item.id] = diagnostics.collect { () throws -> ObservationSeries in try files.macro(item) }
        }
        var breadth: [String: ObservationTable] = [:]
        for item in config.breadth {
            breadth[item.id] = diagnostics.collect { () throws -> ObservationTable in try files.breadth(item) }
        }
        let quotes = loadQuotes(&diagnostics)
        let (staticFiles, staticProblems) = StaticFiles.scan(absolute(StaticFiles.folderName))
        diagnostics.report(DiagnosticReport(staticProblems))
        let commentary = loadCommentary(&diagnostics)
        if prices.count == config.series.count {
            checkCommentaryDates(commentary, sessions: prices, calendar: config.calendar, &diagnostics)
            checkQuoteDates(quotes, sessions: prices, calendar: config.calendar, &diagnostics)
            checkReferenceDates(config.since, sessions: prices, &diagnostics)
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        var inputs = ProjectInputs(config: config, root: root, prices: prices, macro: macro, breadth: breadth,
                                   quotes: quotes, commentary: commentary)
        inputs.staticFiles = staticFiles
        inputs.warnings = diagnostics.diagnostics.filter { $0.severity != .error }
        return inputs
    }

    public func loadConfig() throws(DiagnosticReport) -> ProjectConfig {
        try ProjectConfigReader.valid(loadConfigReporting())
    }

    /// The config as far as it could be read, with its problems (`ProjectConfigReader.readReporting`);
    /// throws only when there is no config file to read.
    public func loadConfigReporting() throws(DiagnosticReport) -> (config: ProjectConfig?, diagnostics: [Diagnostic]) {
        let path = configName
        guard let text = FileCache.text(atPath: absolute(path)) else {
            // Named in full: the folder marketnote looked in is the likeliest mistake.
            let exists = FileManager.default.fileExists(atPath: absolute(path))
            let location = SourceLocation(path: absolute(path), line: 1, column: 1)
            guard !exists else {
                throw DiagnosticReport([.error(at: location, "cannot read the project configuration",
                                               hint: "check that the user running marketnote may read it (`ls -l` shows its owner and mode)")])
            }
            throw DiagnosticReport([.error(at: location, "there is no project configuration here",
                                           hint: "run marketnote in a project folder (one holding marketnote.yml), or name it with --project DIR")])
        }
        return ProjectConfigReader.readReporting(text: text, path: path)
    }

    func absolute(_ path: String) -> String { FilePath.resolve(path, in: root) }

    /// The Markdown files of `folder` by name; none when there is no such folder, and an error
    /// when it cannot be read (a build without the folder's notes or quotes would look fine).
    private func markdownFiles(in folder: String, _ diagnostics: inout DiagnosticCollector) -> [String] {
        let entries: [FolderEntries.Entry]
        do {
            entries = try FolderEntries.read(absolute(folder)) ?? []
        } catch {
            diagnostics.report(error.diagnostic(reportedAs: folder))
            return []
        }
        return entries.map(\.name).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    private func loadQuotes(_ diagnostics: inout DiagnosticCollector) -> [Quote] {
        let quotes = markdownFiles(in: "content/quotes", &diagnostics).compactMap { name -> Quote? in
            let path = "content/quotes/" + name
            return diagnostics.collect { () throws -> Quote in
                let text = try FileCache.text(atPath: absolute(path), reportedAs: path)
                return try ContentReader.quote(text: text, path: path, id: String(name.dropLast(3)))
            }
        }
        return quotes.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    private func loadCommentary(_ diagnostics: inout DiagnosticCollector) -> [SessionDate: Commentary] {
        var result: [SessionDate: Commentary] = [:]
        for name in markdownFiles(in: "content/notes", &diagnostics) {
            let path = "content/notes/" + name
            guard let date = SessionDate(String(name.dropLast(3))) else {
                diagnostics.report(.error(at: SourceLocation(path: path), "commentary files are named by their date",
                                          hint: "rename it YYYY-MM-DD.md, the date of the note it belongs to"))
                continue
            }
            result[date] = diagnostics.collect { () throws -> Commentary in
                let source = try FileCache.text(atPath: absolute(path), reportedAs: path)
                return try ContentReader.commentary(text: source, path: path, date: date)
            }
        }
        return result
    }

    /// A `since` date that is no session would be measured from the close before it but printed
    /// as written, or (after the data) leave the note without a word: both are errors.
    private func checkReferenceDates(_ references: [ReferenceDate], sessions series: [PriceSeries],
                                     _ diagnostics: inout DiagnosticCollector) {
        guard !references.isEmpty else { return }
        let ordered = [SessionDate].union(series.map(\.dates))
        guard !ordered.isEmpty else { return }
        for reference in references where !ordered.contains(session: reference.date) {
            diagnostics.report(.notASession(reference.date, in: ordered, at: reference.location,
                                            afterData: "a 'since' date must be a session in the data") { nearest in
                "a 'since' date is the session the return is measured from: \(nearest.map(\.description).joined(separator: " or "))?"
            })
        }
    }

    /// A quote dated after the data shows in no note yet (a note never quotes what was said after
    /// its day): it waits, as commentary written ahead of its prices does, and the build says so.
    private func checkQuoteDates(_ quotes: [Quote], sessions series: [PriceSeries], calendar: ExchangeCalendar,
                                 _ diagnostics: inout DiagnosticCollector) {
        guard let last = series.compactMap(\.dates.last).max() else { return }
        for quote in quotes where quote.date > last {
            diagnostics.report(Self.aheadOfThePrices(quote.date, calendar, path: "content/quotes/\(quote.id).md",
                                                      "the quote is dated \(quote.date), after the data (it ends on \(last)); it waits for the notes of its days"))
        }
    }

    /// Content dated after the data (the day's price files not dropped in yet, or written ahead),
    /// which waits for them: a note, not a warning, so `build --strict` passes while an editor
    /// works ahead; the one hint serves quotes and commentary alike, and names the session whose
    /// prices are wanted (a quote of a Saturday waits for Monday's, not "the prices of" Saturday).
    private static func aheadOfThePrices(_ date: SessionDate, _ calendar: ExchangeCalendar, path: String, _ message: String) -> Diagnostic {
        let session = calendar.isSession(date) ? date : calendar.nextSession(after: date)
        return Diagnostic(.note, at: SourceLocation(path: path), message, hint: "add the prices of \(session) to the data files and build again")
    }

    /// Commentary named for a day without a session would never be published: say so.
    private func checkCommentaryDates(_ commentary: [SessionDate: Commentary], sessions series: [PriceSeries],
                                      calendar: ExchangeCalendar, _ diagnostics: inout DiagnosticCollector) {
        // A binary search per note: a set of every session of a 500-symbol universe cost 6% of its load.
        let misplaced = commentary.filter { date, _ in !series.contains { $0.dates.contains(session: date) } }
            .sorted { $0.key < $1.key }
        guard !misplaced.isEmpty else { return }
        let ordered = [SessionDate].union(series.map(\.dates))
        guard let last = ordered.last else { return }
        for (date, note) in misplaced {
            // Written ahead of its prices (the day's files not dropped in yet): it waits for them.
            if date > last {
                diagnostics.report(Self.aheadOfThePrices(date, calendar, path: note.path,
                                                         "there are no prices for \(date) yet (the data ends on \(last)); the commentary waits for its note"))
                continue
            }
            diagnostics.report(.notASession(date, in: ordered, at: SourceLocation(path: note.path)) { nearest in
                "rename the file for the session it belongs to: \(nearest.map { "\($0).md" }.joined(separator: " or "))"
            })
        }
    }
}

/// Reads each data file once, even when several config entries point at it (a long-format file).
struct FileCache {
    let root: String
    /// Each price file's series by symbol, or why the file cannot be loaded.
    private var priceFiles: [String: Result<[String: PriceSeries], DiagnosticReport>] = [:]
    private var tables: [String: ObservationTable] = [:]

    init(root: String) { self.root = root }

    static func bytes(atPath path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    static func text(atPath path: String) -> String? {
        bytes(atPath: path).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The file's text; an error at the first byte that is not UTF-8 otherwise.
    static func text(atPath path: String, reportedAs name: String) throws(Diagnostic) -> String {
        guard let bytes = bytes(atPath: path) else {
            throw .error(at: SourceLocation(path: name), "cannot read the file", hint: "check that it exists and is readable")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw TextFileCheck.notUTF8(bytes, path: name) }
        return text
    }

    private func absolute(_ path: String) -> String { FilePath.resolve(path, in: root) }

    private func read(_ path: String, for location: SourceLocation) throws(Diagnostic) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory), !isDirectory.boolValue,
              let bytes = Self.bytes(atPath: absolute(path)) else {
            throw .error(at: location, "the data file '\(path)' does not exist or cannot be read",
                         hint: "check the 'file:' path; it is relative to the project folder")
        }
        return bytes
    }

    /// Reads and parses every price file the series name, each once, on every core: a universe of
    /// hundreds of symbols is hundreds of independent files.
    mutating func preloadPrices(_ series: [SeriesConfig], jobs: Int) {
        var firstUse: [String: SeriesConfig] = [:]
        for item in series where firstUse[item.file] == nil { firstUse[item.file] = item }
        let items = firstUse.values.sorted { $0.file < $1.file }
        let cache = self
        let loaded = ParallelMap.map(items, jobs: jobs) { cache.loadPrices($0) }
        for (item, result) in zip(items, loaded) { priceFiles[item.file] = result }
    }

    /// Reads and parses the price file of `series`.
    private func loadPrices(_ series: SeriesConfig) -> Result<[String: PriceSeries], DiagnosticReport> {
        Result { () throws(DiagnosticReport) -> [String: PriceSeries] in
            let bytes: [UInt8]
            do throws(Diagnostic) { bytes = try read(series.file, for: series.location(of: "file")) } catch { throw DiagnosticReport([error]) }
            return try PriceFileParser.parse(bytes: bytes, path: series.file, symbol: series.symbol)
        }
    }

    mutating func prices(_ series: SeriesConfig) throws(DiagnosticReport) -> PriceSeries {
        if priceFiles[series.file] == nil { priceFiles[series.file] = loadPrices(series) }
        let file = try priceFiles[series.file]!.get()
        guard let found = file[series.symbol] else {
            throw DiagnosticReport([.error(at: series.location(of: "symbol"), "'\(series.file)' has no rows for symbol '\(series.symbol)'",
                                           hint: "symbols in the file: \(file.keys.sorted().joined(separator: ", "))")])
        }
        // Rows of `null` are left out with a warning each; with nothing else the series would
        // vanish from every note without a word.
        if found.dates.isEmpty, let first = found.nullRows.first {
            throw DiagnosticReport([.error(at: SourceLocation(path: series.file, line: first.line),
                                           "every row of \(series.symbol) is null: the file has no prices for it",
                                           hint: "download the file again; Yahoo Finance writes null for a session it has no prices for")])
        }
        // Total returns need the adjusted close; without it they would silently be price returns.
        if series.returns == .total, found.adjustedClose == nil {
            throw DiagnosticReport([.error(at: series.location(of: "returns"),
                                           "'returns: total' needs an adjusted close, and '\(series.file)' has no Adj Close column",
                                           hint: "add the adjusted close (Yahoo Finance's 'Adj Close'), or set 'returns: price'")])
        }
        return found
    }

    mutating func table(_ path: String, for location: SourceLocation) throws(DiagnosticReport) -> ObservationTable {
        if let table = tables[path] { return table }
        let bytes: [UInt8]
        do { bytes = try read(path, for: location) } catch { throw DiagnosticReport([error]) }
        let table = try ObservationFileParser.parse(bytes: bytes, path: path)
        tables[path] = table
        return table
    }

    mutating func macro(_ item: MacroConfig) throws(DiagnosticReport) -> ObservationSeries {
        let table = try table(item.file, for: item.location(of: "file"))
        let name = item.column ?? table.columnNames[0]
        guard let column = table.column(name) else {
            throw DiagnosticReport([.error(at: item.location(of: "column"), "'\(item.file)' has no column '\(name)'",
                                           hint: "columns: \(table.columnNames.joined(separator: ", "))")])
        }
        return ObservationSeries(id: item.id, periods: table.periods, values: column)
    }

    mutating func breadth(_ item: BreadthConfig) throws(DiagnosticReport) -> ObservationTable {
        let table = try table(item.file, for: item.location(of: "file"))
        var columns: [[Double?]] = []
        var diagnostics = DiagnosticCollector()
        for group in item.groups {
            guard let column = table.column(group.column) else {
                diagnostics.report(.error(at: item.location(of: "groups." + group.column), "'\(item.file)' has no column '\(group.column)'",
                                          hint: "columns: \(table.columnNames.joined(separator: ", "))"))
                continue
            }
            columns.append(column)
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        return ObservationTable(frequency: table.frequency, periods: table.periods, columnNames: item.groups.map(\.column),
                                values: columns, source: item.file)
    }
}
