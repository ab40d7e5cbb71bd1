import Foundation
import Yams

/// Reads `marketnote.yml` into a `ProjectConfig`, reporting every problem with its position.
public enum ProjectConfigReader {
    public static func read(text: String, path: String) throws(DiagnosticReport) -> ProjectConfig {
        try valid(readReporting(text: text, path: path))
    }

    /// The config of `readReporting`, or its problems when it has errors.
    public static func valid(_ read: (config: ProjectConfig?, diagnostics: [Diagnostic])) throws(DiagnosticReport) -> ProjectConfig {
        let report = DiagnosticReport(read.diagnostics)
        guard let config = read.config, report.errors.isEmpty else { throw report }
        return config
    }

    /// The config as far as it could be read, with every problem found: a config with errors
    /// (an unknown key, a bad value) still names its data files, so a build checks those in the
    /// same run instead of reporting one file's errors per run.
    public static func readReporting(text: String, path: String) -> (config: ProjectConfig?, diagnostics: [Diagnostic]) {
        let reader = YAMLReader(path: path)
        guard var root = reader.root(of: text) else { return (nil, reader.diagnostics.diagnostics) }
        var config = readProject(&root, path: path)
        root.finish()
        var diagnostics = reader.diagnostics
        // Symbols of every series entry, even one with its own errors, so that a comparison
        // naming it does not add a second, misleading error.
        let declared = Set(root.node["series"]?.sequence?.compactMap { $0["symbol"]?.string } ?? [])
        if let config { validate(config, declaredSymbols: declared, into: &diagnostics) }
        config?.meaning = meaning(of: root.node) ?? text
        return (config, diagnostics.diagnostics)
    }

    /// The YAML tree written out again, without the file's comments, blank lines and indentation:
    /// the digest of what the notes were written from reads this, so that a comment added to the
    /// file does not rewrite every published note.
    static func meaning(of root: Node.Mapping) -> String? {
        try? Yams.serialize(node: .mapping(root))
    }

    private static func readProject(_ root: inout YAMLMapping, path: String) -> ProjectConfig? {
        let title = root.string("title", required: true)
        let description = root.string("description") ?? ""
        let baseURL = root.string("baseURL", required: true)
        let language = root.string("language") ?? "en"
        let author = root.string("author") ?? title ?? ""
        let disclaimer = root.string("disclaimer")
        var emailLocations: [String: SourceLocation] = [:]
        let email = readEmail(&root, locations: &emailLocations)
        let series = root.mappings("series", required: true).compactMap(readSeries)
        let comparisons = root.mappings("comparisons").compactMap(readComparison)
        let macro = root.mappings("macro").compactMap(readMacro)
        let breadth = root.mappings("breadth").compactMap(readBreadth)
        let quotes = readQuoteSettings(&root)
        let since = root.mappings("since").compactMap(readReferenceDate)
        let output = root.string("output") ?? "output"
        let calendar = root.choice("calendar", as: ExchangeCalendar.self) ?? .nyse
        guard let title, let baseURL else { return nil }
        // Ends in a slash, but one that is no site address stays as written, for its error.
        let siteAddress = baseURL.hasSuffix("/") || !isSiteAddress(baseURL) ? baseURL : baseURL + "/"
        var config = ProjectConfig(
            title: title, description: description, baseURL: siteAddress,
            language: language, author: author, disclaimer: disclaimer,
            email: email ?? EmailSettings(from: "\(title) <\(EmailSettings.placeholderAddress)>", subjectPrefix: nil),
            series: series, comparisons: comparisons, macro: macro, breadth: breadth, quotes: quotes, since: since,
            outputDirectory: output, path: path)
        config.valueLocations = root.valueLocations.merging(emailLocations) { top, _ in top }
        config.calendar = calendar
        return config
    }

    /// The `email` mapping; where its values are written goes into `locations` as `email.KEY`.
    private static func readEmail(_ root: inout YAMLMapping, locations: inout [String: SourceLocation]) -> EmailSettings? {
        guard var mapping = root.mapping("email") else { return nil }
        defer { mapping.finish() }
        for (key, location) in mapping.valueLocations { locations["email." + key] = location }
        // Every key is read before any is judged missing: one left unread is reported as unknown.
        let from = mapping.string("from", required: true)
        let subjectPrefix = mapping.string("subjectPrefix")
        let unsubscribe = mapping.strings("unsubscribe") ?? []
        guard let from else { return nil }
        return EmailSettings(from: from, subjectPrefix: subjectPrefix, unsubscribe: unsubscribe)
    }

    private static func readSeries(_ item: YAMLMapping) -> SeriesConfig? {
        var item = item
        defer { item.finish() }
        let symbol = item.string("symbol", required: true)
        let name = item.string("name")
        let shortName = item.string("shortName")
        let plural = item.bool("plural")
        let file = item.string("file", required: true)
        let returns = item.choice("returns", as: ReturnBasis.self) ?? .price
        let topics = item.strings("topics") ?? []
        guard let symbol, let file else { return nil }
        let short = shortName ?? name ?? symbol
        var series = SeriesConfig(symbol: symbol, name: name ?? symbol, shortName: short,
                                  plural: plural ?? GrammaticalNumber.isPlural(short), file: file,
                                  returns: returns, topics: topics, location: item.location)
        series.valueLocations = item.valueLocations
        return series
    }

    private static func readComparison(_ item: YAMLMapping) -> ComparisonConfig? {
        var item = item
        defer { item.finish() }
        let leader = item.string("leader", required: true)
        let benchmark = item.string("benchmark", required: true)
        guard let leader, let benchmark else { return nil }
        var comparison = ComparisonConfig(leader: leader, benchmark: benchmark, location: item.location)
        comparison.valueLocations = item.valueLocations
        return comparison
    }

    private static func readMacro(_ item: YAMLMapping) -> MacroConfig? {
        var item = item
        defer { item.finish() }
        let id = item.string("id", required: true)
        let name = item.string("name")
        let shortName = item.string("shortName")
        let file = item.string("file", required: true)
        let column = item.string("column")
        let transform = item.choice("transform", as: MacroTransform.self) ?? .none
        let unit = item.string("unit") ?? ""
        let exclude = item.mappings("exclude").compactMap(readExclusion)
        let availability = readAvailability(&item)
        let topics = item.strings("topics") ?? ["macro"]
        guard let id, let file else { return nil }
        var macro = MacroConfig(id: id, name: name ?? id, shortName: shortName ?? name ?? id, file: file, column: column, transform: transform,
                                unit: unit, exclude: exclude, availability: availability, topics: topics, location: item.location)
        macro.valueLocations = item.valueLocations
        return macro
    }

    /// `available: period-start | period-end` and `lagDays: N` (default 0; at most a year).
    private static func readAvailability(_ item: inout YAMLMapping) -> Availability {
        Availability(item.choice("available", as: Availability.Anchor.self) ?? .periodStart,
                     lagDays: item.int("lagDays", in: 0...366) ?? 0)
    }

    private static func readExclusion(_ item: YAMLMapping) -> ExclusionWindow? {
        var item = item
        defer { item.finish() }
        let from = period(&item, "from")
        let to = period(&item, "to")
        let label = item.string("label") ?? "an excluded period"
        guard let from, let to else { return nil }
        guard from.firstDay <= to.lastDay else {
            item.reader.fail(at: item.node("to")?.mark, "the window ends (\(to)) before it starts (\(from))",
                             hint: "swap 'from' and 'to'")
            return nil
        }
        return ExclusionWindow(from: from, to: to, label: label)
    }

    private static func period(_ item: inout YAMLMapping, _ key: String) -> ObservationPeriod? {
        guard let text = item.string(key, required: true) else { return nil }
        guard let period = ObservationPeriod(text) else {
            item.reader.fail(at: item.node(key)?.mark, "'\(key)' is not a date: '\(text)'",
                             hint: "write YYYY-MM-DD, YYYY-MM or YYYYQn")
            return nil
        }
        return period
    }

    private static func readBreadth(_ item: YAMLMapping) -> BreadthConfig? {
        var item = item
        defer { item.finish() }
        let id = item.string("id", required: true)
        let name = item.string("name")
        let shortName = item.string("shortName")
        let file = item.string("file", required: true)
        let groupItems = item.mappings("groups", required: true)
        let groups = groupItems.compactMap(readGroup)
        let focus = item.string("focus") ?? groups.first?.column
        var outcome: (String, String)?
        if var compare = item.mapping("outcome") {
            let leader = compare.string("leader", required: true)
            let benchmark = compare.string("benchmark", required: true)
            if let leader, let benchmark { outcome = (leader, benchmark) }
            compare.finish()
        }
        let availability = readAvailability(&item)
        let topics = item.strings("topics") ?? ["breadth"]
        guard let id, let file, let focus, !groups.isEmpty else { return nil }
        var breadth = BreadthConfig(id: id, name: name ?? id, shortName: shortName ?? name ?? id, file: file, groups: groups, focus: focus,
                                    outcome: outcome, availability: availability, topics: topics, location: item.location)
        breadth.valueLocations = item.valueLocations
        // Each group's column, as `groups.<column>`, for "the file has no column …".
        for group in groupItems {
            if let column = group.node["column"]?.string { breadth.valueLocations["groups." + column] = group.valueLocations["column"] }
        }
        return breadth
    }

    private static func readGroup(_ item: YAMLMapping) -> BreadthGroup? {
        var item = item
        defer { item.finish() }
        let column = item.string("column", required: true)
        let label = item.string("label")
        let plural = item.bool("plural")
        guard let column else { return nil }
        return BreadthGroup(column: column, label: label ?? column, plural: plural ?? GrammaticalNumber.isPlural(label ?? column))
    }

    private static func readReferenceDate(_ item: YAMLMapping) -> ReferenceDate? {
        var item = item
        defer { item.finish() }
        let text = item.string("date", required: true)
        let label = item.string("label") ?? ""
        guard let text else { return nil }
        guard let date = SessionDate(text) else {
            item.reader.fail(at: item.node("date")?.mark, "'date' must be written YYYY-MM-DD, found '\(text)'",
                             hint: "write the day as year-month-day: 2018-12-24 for December 24, 2018")
            return nil
        }
        return ReferenceDate(date: date, label: label, location: item.valueLocations["date"] ?? item.location(of: "date"))
    }

    private static func readQuoteSettings(_ root: inout YAMLMapping) -> QuoteSettings {
        var settings = QuoteSettings(windowDays: 14, maximum: 3)
        guard var mapping = root.mapping("quotes") else { return settings }
        settings.windowDays = mapping.int("windowDays", in: 0...3650) ?? settings.windowDays
        settings.maximum = mapping.int("maximum", in: 0...20) ?? settings.maximum
        mapping.finish()
        return settings
    }

    /// Whether `url` can prefix every address of the site as it is: http(s), a host, printable
    /// ASCII without spaces (a sitemap, feed and canonical link print it unencoded), no query or
    /// fragment (a path after one would not be a path).
    static func isSiteAddress(_ url: String) -> Bool {
        guard url.hasPrefix("https://") || url.hasPrefix("http://"),
              url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }),
              let components = URLComponents(string: url) else { return false }
        return !(components.host ?? "").isEmpty && components.query == nil && components.fragment == nil
    }

    /// Cross-field checks: symbols exist, ids are unique, URLs are absolute.
    private static func validate(_ config: ProjectConfig, declaredSymbols symbols: Set<String>, into diagnostics: inout DiagnosticCollector) {
        if !isSiteAddress(config.baseURL) {
            diagnostics.report(.error(at: config.location(of: "baseURL"), "baseURL must be an absolute http(s) URL, found '\(config.baseURL)'",
                                      hint: "write e.g. `baseURL: https://notes.example.com/`, with a space or a character "
                                          + "outside ASCII percent-encoded (%20), and no '?' or '#'"))
        }
        var seen: Set<String> = []
        for series in config.series {
            if !Symbol.isValid(series.symbol) {
                diagnostics.report(.error(at: series.location(of: "symbol"), "symbol '\(series.symbol)' has characters a symbol cannot have",
                                          hint: "use letters, digits, '.', '-', '^' or '_' (at most 20)"))
            }
            if !seen.insert(series.symbol).inserted {
                diagnostics.report(.error(at: series.location(of: "symbol"), "symbol '\(series.symbol)' is configured twice",
                                          hint: "each series needs its own symbol; remove or rename this entry"))
            }
        }
        // Each symbol once, in config order, for the hints below (one configured twice is reported above).
        let configured = "configured series: " + config.series.map(\.symbol).reduce(into: [String]()) { list, symbol in
            if !list.contains(symbol) { list.append(symbol) }
        }.joined(separator: ", ")
        for comparison in config.comparisons {
            for (key, symbol) in [("leader", comparison.leader), ("benchmark", comparison.benchmark)] where !symbols.contains(symbol) {
                diagnostics.report(.error(at: comparison.location(of: key), "comparison names '\(symbol)', which is not a configured series",
                                          hint: configured))
            }
            // A series against itself has nothing to tell, and no note would say so.
            if comparison.leader == comparison.benchmark {
                diagnostics.report(.error(at: comparison.location(of: "benchmark"), "comparison sets '\(comparison.leader)' against itself",
                                          hint: "a comparison needs two different series; \(configured)"))
            }
        }
        var ids: Set<String> = []
        let entries: [(id: String, entry: any ConfigEntry)] = config.macro.map { ($0.id, $0) } + config.breadth.map { ($0.id, $0) }
        for (id, entry) in entries where !ids.insert(id).inserted {
            diagnostics.report(.error(at: entry.location(of: "id"), "id '\(id)' is used twice",
                                      hint: "macro and breadth entries each need their own id"))
        }
        for breadth in config.breadth {
            if !breadth.groups.contains(where: { $0.column == breadth.focus }) {
                diagnostics.report(.error(at: breadth.location(of: "focus"), "focus '\(breadth.focus)' is not one of the groups",
                                          hint: "groups: \(breadth.groups.map(\.column).joined(separator: ", "))"))
            }
            if let outcome = breadth.outcome {
                for symbol in [outcome.leader, outcome.benchmark] where !symbols.contains(symbol) {
                    diagnostics.report(.error(at: breadth.location(of: "outcome"), "outcome names '\(symbol)', which is not a configured series",
                                              hint: configured))
                }
            }
        }
    }
}

/// What a ticker symbol may contain: it becomes part of file names, CSS classes and URLs.
public enum Symbol {
    public static func isValid(_ symbol: String) -> Bool {
        !symbol.isEmpty && symbol.utf8.count <= 20 && symbol.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "_")
        } && symbol != "." && symbol != ".."
    }
}
