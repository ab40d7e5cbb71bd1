import Foundation
import MarketData
import Mustache

/// The project's templates (Markdown, HTML, CSS, phrases), each falling back to the shipped
/// default when the project does not override it. Parsed once per run, with errors located in
/// their file.
public struct TemplateLibrary: Sendable {
    /// swift-mustache's library of every template by relative path (`note.md`,
    /// `partials/quotes.md`, `layout.html`), for what `CompiledTemplate` does not render.
    let mustache: MustacheFallback
    /// The templates `CompiledTemplate` renders, by the same names; the others stay with `mustache`.
    let compiled: [String: CompiledTemplate]
    let templateNames: Set<String>
    /// Raw text of every file, including non-template ones (`style.css`, `phrases.yml`).
    public let files: [String: String]
    /// `files` less the project's files that no template uses (each a warning): what a page is
    /// rendered from, so that a backup copy left in `templates/` rewrites no note.
    public let filesInUse: [String: String]
    /// The project's own Markdown templates in use, each with the path a warning names
    /// (`templates/note.md`): their links are checked as the commentary's are.
    public var ownMarkdown: [(text: String, path: String)] {
        origins.filter { $0.key.hasSuffix(".md") && filesInUse[$0.key] != nil }.sorted { $0.key < $1.key }.map { (files[$0.key] ?? "", $0.value) }
    }
    public let phrases: Phrasebook
    /// What a build reports but does not stop for: a file of the project's `templates/` that no
    /// template uses (a misnamed `emial.md` silently changed nothing), and unknown phrase keys.
    public let warnings: [Diagnostic]
    /// The variable tags that matched no value in what this library rendered so far, through the
    /// compiled renderer (a template left to swift-mustache, with set delimiters or lambdas, is
    /// not checked; nor is a page a build keeps without rendering it again).
    public let unresolved = UnresolvedVariables()
    /// Where each project file came from (`templates/note.html`), for the warnings about it.
    let origins: [String: String]

    static let templateExtensions = [".md", ".html", ".xml", ".txt"]

    /// The templates of the project at `root`: its `templates/` folder, when it has one, over the
    /// defaults. Every command that writes prose uses this, so each shows the editor's wording.
    public init(projectRoot root: String) throws(DiagnosticReport) {
        try self.init(directory: FilePath.resolve("templates", in: root))
    }

    /// Loads `directory` (when there is a folder there) over the defaults.
    public init(directory: String?) throws(DiagnosticReport) {
        _ = MarkdownContentType.registered
        _ = HTMLContentType.registered
        var files = DefaultTemplates.files
        var origins: [String: String] = [:]
        if let directory {
            for (name, text) in try Self.readDirectory(directory) {
                files[name] = text
                origins[name] = (directory as NSString).lastPathComponent + "/" + name
            }
        }
        var diagnostics = DiagnosticCollector()
        let (library, compiled) = Self.compile(files, origins: origins, diagnostics: &diagnostics)
        let included = Self.checkPartials(files, origins: origins, diagnostics: &diagnostics)
        let phrasesPath = origins["phrases.yml"] ?? "<default>/phrases.yml"
        let phrases = diagnostics.collect { () throws -> Phrasebook in
            // A project that keeps the shipped wording does not pay to parse it twice.
            origins["phrases.yml"] == nil || files["phrases.yml"] == DefaultTemplates.files["phrases.yml"] ? Phrasebook.standard
                : try Phrasebook(yaml: files["phrases.yml"] ?? "", path: phrasesPath, fallback: .standard)
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        let unused = origins.filter { DefaultTemplates.files[$0.key] == nil && !included.contains($0.key) }
        self.warnings = Self.unusedFileWarnings(unused) + (phrases?.warnings ?? [])
        self.origins = origins
        self.mustache = library
        self.compiled = compiled
        self.templateNames = Set(files.keys.filter(Self.isTemplate))
        self.files = files
        self.filesInUse = files.filter { unused[$0.key] == nil }
        self.phrases = phrases ?? .standard
    }

    /// Parses each template into the `CompiledTemplate` that renders it, and by swift-mustache
    /// only when the port cannot read it (the port refuses what swift-mustache refuses,
    /// `CompiledTemplateTests`): swift-mustache's errors are the ones reported, at their line,
    /// and it renders what the port does not. Its parse of the shipped templates, which the
    /// port reads, was 22 M instructions a process (callgrind).
    private static func compile(_ files: [String: String], origins: [String: String], diagnostics: inout DiagnosticCollector)
        -> (MustacheFallback, [String: CompiledTemplate]) {
        var sources: [(name: String, source: String)] = []
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where isTemplate(name) {
            let path = origins[name] ?? "<default>/" + name
            do {
                let source = withContentType(text, name: name)
                if let template = CompiledTemplate(source) {
                    compiled[name] = template
                } else {
                    _ = try MustacheTemplate(string: source)
                }
                sources.append((name, source))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.report(unbalancedTag(in: text, path: path) ?? .error(
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                    "template error: \(describe(error.error))",
                    hint: "near: \(error.context.line.trimmingCharacters(in: .whitespaces))"))
            } catch {
                diagnostics.report(.error(at: SourceLocation(path: path), "template error: \(error)"))
            }
        }
        return (MustacheFallback(sources: sources), compiled)
    }

    /// Reports each partial a template includes that does not exist, and each cycle of
    /// includes; returns the names of the partials included.
    private static func checkPartials(_ files: [String: String], origins: [String: String],
                                      diagnostics: inout DiagnosticCollector) -> Set<String> {
        var included: Set<String> = []
        var includes: [String: [(String, SourceLocation)]] = [:]
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where isTemplate(name) {
            includes[name] = partials(in: text, path: origins[name] ?? "<default>/" + name)
            for (partial, location) in includes[name]! {
                included.insert(partial)
                guard files[partial] == nil else { continue }
                diagnostics.report(.error(at: location, "unknown partial '\(partial)'",
                                          hint: "partials are named by their path in templates/, e.g. {{> partials/body.md}}"))
            }
        }
        for diagnostic in includeCycles(includes) { diagnostics.report(diagnostic) }
        return included
    }

    /// A warning for each project file in `templates/` that marketnote never reads (by its path
    /// there), with the template name it was probably meant to be.
    private static func unusedFileWarnings(_ unused: [String: String]) -> [Diagnostic] {
        unused.sorted { $0.key < $1.key }.map { name, path in
            .init(.warning, at: SourceLocation(path: path), "the file is not used: it is not one of marketnote's templates, and no template includes it",
                  hint: EditDistance.suggestion(for: name, among: DefaultTemplates.files.keys)
                      ?? "marketnote reads \(DefaultTemplates.files.keys.sorted().joined(separator: ", ")); include a partial with {{> \(name)}}")
        }
    }

    /// A warning for each variable tag that matched no value in what this library rendered, with
    /// the closest name the shipped template of that name uses; then the project's phrases'.
    public func unresolvedVariableWarnings() -> [Diagnostic] {
        templateWarnings() + phrases.unmatchedValueWarnings()
    }

    private func templateWarnings() -> [Diagnostic] {
        unresolved.all.map { template, tag, times in
            // A project's own partial has no shipped twin: the names of every shipped template then.
            let shipped = DefaultTemplates.files[template].map { [$0] } ?? Array(DefaultTemplates.files.values)
            let known = shipped.flatMap { Phrase.tagNames(in: $0).map(String.init) }
            let path = origins[template] ?? "<default>/" + template
            return Diagnostic(.warning, at: Self.location(of: tag, in: files[template] ?? "", path: path),
                              "{{\(tag)}} matched no value \(times == 1 ? "once" : "\(times) times"), and Mustache printed nothing for it",
                              hint: EditDistance.suggestion(for: tag, among: Set(known).subtracting([tag]))
                                  ?? "wrap an optional value in a section, {{#\(tag)}}…{{/\(tag)}}")
        }
    }

    /// Where the first variable tag named `tag` is written in `text` (`{{tag}}`, `{{{tag}}}` or
    /// `{{& tag}}`), or the start of the file.
    static func location(of tag: String, in text: String, path: String) -> SourceLocation {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for form in ["{{" + tag + "}}", "{{{" + tag + "}}}", "{{& " + tag + "}}", "{{ " + tag + " }}"] {
                if let range = line.range(of: form) {
                    return SourceLocation(path: path, line: number + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return SourceLocation(path: path)
    }

    /// `name` rendered with `context`; a variable tag that matches no value is noted for
    /// `unresolvedVariableWarnings` unless `noting` is false (a rendering for the template's
    /// stylesheet alone, with no note's values).
    public func render(_ name: String, _ context: Any, noting: Bool = true) -> String {
        let rendered: RenderedString = render(name, context, noting: noting)
        return rendered.text
    }

    /// `render`'s text as UTF-8 bytes, for a file.
    public func renderedBytes(_ name: String, _ context: Any, noting: Bool = true) -> [UInt8] {
        let rendered: RenderedBytes = render(name, context, noting: noting)
        return rendered.bytes
    }

    /// `render`'s text as markup, for another template to print as it is.
    public func renderedMarkup(_ name: String, _ context: Any, noting: Bool = true) -> MarkupBytes {
        MarkupBytes(validUTF8: renderedBytes(name, context, noting: noting))
    }

    private func render<Output: RenderedText>(_ name: String, _ context: Any, noting: Bool) -> Output {
        if let template = compiled[name],
           let output: Output = template.render(context, partials: compiled, templateNames: templateNames,
                                                noting: noting ? unresolved : nil, templateName: name) {
            return output
        }
        return Output(mustache.library.render(context, withTemplate: name) ?? "")
    }

    /// HTML and XML templates get the `HTML` content-type pragma (unless they set one), which
    /// selects marketnote's byte-level escaper; the escaping itself is the same.
    static func withContentType(_ text: String, name: String) -> String {
        guard name.hasSuffix(".html") || name.hasSuffix(".xml"), !text.hasPrefix("{{%") else { return text }
        return "{{% CONTENT_TYPE: HTML}}" + text
    }

    static func isTemplate(_ name: String) -> Bool { templateExtensions.contains { name.hasSuffix($0) } }

    /// The project's template files (names starting with "." and `README.md` left out) with their
    /// text; an error for a file that is not UTF-8 text, or a folder that cannot be read (the
    /// build would quietly fall back to the shipped templates).
    static func readDirectory(_ directory: String) throws(DiagnosticReport) -> [(String, String)] {
        let names: [String]
        do {
            names = try FolderEntries.files(under: directory, skippingHidden: true) ?? []
        } catch {
            throw DiagnosticReport([error.diagnostic(under: directory, reportedAs: "templates")])
        }
        var result: [(String, String)] = []
        var diagnostics = DiagnosticCollector()
        for name in names where name != "README.md" {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                let readable = access(path, R_OK) == 0
                diagnostics.report(.error(at: SourceLocation(path: "templates/" + name),
                                          readable ? "cannot read the template as UTF-8 text" : "cannot read the template: \(String(cString: strerror(errno)))"))
                continue
            }
            result.append((name, LineEnds.plain(text)))
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Every `{{> name}}` in a template, with its position.
    static func partials(in text: String, path: String) -> [(String, SourceLocation)] {
        // Most templates include none, and a byte search finds that at once: splitting each into
        // lines and searching every line was 8.6 M instructions a process (callgrind).
        guard ByteSearch.contains("{{>", in: text) else { return [] }
        var result: [(String, SourceLocation)] = []
        for (lineNumber, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                result.append((name, SourceLocation(path: path, line: lineNumber + 1, column: column)))
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }

    /// An error at each include that brings its own template back (`body.md` including itself,
    /// or through another partial): rendering it would never end, since the names a partial
    /// looks up stay in reach at every depth.
    static func includeCycles(_ includes: [String: [(String, SourceLocation)]]) -> [Diagnostic] {
        var finished: Set<String> = []
        var diagnostics: [Diagnostic] = []
        func visit(_ name: String, _ path: [String]) {
            guard !finished.contains(name) else { return }
            for (partial, location) in includes[name] ?? [] {
                if let start = path.firstIndex(of: partial) ?? (partial == name ? path.count : nil) {
                    let cycle = path[start...] + [name, partial]
                    diagnostics.append(.error(at: location, "the partial '\(partial)' includes itself without end (\(cycle.joined(separator: " → ")))",
                                              hint: "a partial cannot include, directly or through another, the template it is part of"))
                } else {
                    visit(partial, path + [name])
                }
            }
            finished.insert(name)
        }
        for name in includes.keys.sorted() { visit(name, []) }
        return diagnostics
    }

    /// The tag that unbalances a template: a tag never closed, a section never closed, or a
    /// section closed with another name; located at the tag to fix, which the parser's error is
    /// not (it points at the end of the file). Nil when a `{{=…=}}` tag changes the delimiters.
    static func unbalancedTag(in text: String, path: String) -> Diagnostic? {
        var open: [(name: String, location: SourceLocation)] = []
        var rest = text[...]
        func location(_ index: String.Index) -> SourceLocation {
            let before = text[..<index]
            let lineStart = before.lastIndex(where: \.isNewline).map(text.index(after:)) ?? text.startIndex
            return SourceLocation(path: path, line: before.filter(\.isNewline).count + 1,
                                  column: text.distance(from: lineStart, to: index) + 1)
        }
        while let start = rest.range(of: "{{") {
            let triple = rest[start.upperBound...].hasPrefix("{")
            // `{{{body}}` would otherwise run to the next `}}}`, lines away, and be reported there.
            if triple, let close = rest[start.upperBound...].range(of: "}}"), rest[close.upperBound...].first != "}" {
                return .error(at: location(start.lowerBound), "the tag '\(rest[start.lowerBound..<close.upperBound].prefix(30))' opens with {{{ and closes with }}",
                              hint: "end it with }}}, or open it with {{ to escape the value")
            }
            guard let end = rest[start.upperBound...].range(of: triple ? "}}}" : "}}") else {
                let tag = rest[start.lowerBound...].prefix { !$0.isNewline }.prefix(30)
                return .error(at: location(start.lowerBound), "the tag '\(tag)' is never closed",
                              hint: "end it with \(triple ? "}}}" : "}}")")
            }
            let content = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
            switch content.first {
            case "=":
                return nil
            case "#", "^", "$", "<":
                open.append((name, location(start.lowerBound)))
            case "/":
                guard let section = open.popLast() else {
                    return .error(at: location(start.lowerBound), "'{{/\(name)}}' closes a section that was never opened",
                                  hint: "remove it, or open the section with {{#\(name)}}")
                }
                if section.name != name {
                    return .error(at: location(start.lowerBound),
                                  "'{{/\(name)}}' closes section '\(section.name)', opened on line \(section.location.line)",
                                  hint: "close it with {{/\(section.name)}}")
                }
            default:
                break
            }
            rest = rest[end.upperBound...]
        }
        guard let section = open.last else { return nil }
        return .error(at: section.location, "section '\(section.name)' is never closed",
                      hint: "close it with {{/\(section.name)}}")
    }

    static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with the wrong name"
        case .expectedSectionEnd?: return "a section is never closed"
        case .unfinishedName?: return "a tag is not finished"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        case .unrecognisedConfigVariable?: return "unknown pragma"
        case .invalidConfigVariableSyntax?: return "invalid pragma syntax"
        default: return "\(error)"
        }
    }
}

/// swift-mustache's library of a project's templates, parsed when a rendering first needs it:
/// `CompiledTemplate` renders every template that uses only the core tags, as the shipped ones
/// do, so a build usually never asks. Shared by the threads that render.
final class MustacheFallback: @unchecked Sendable {
    private let sources: [(name: String, source: String)]
    private let lock = NSLock()
    private var parsed: MustacheLibrary?

    /// `sources` parse: `TemplateLibrary.compile` checked them.
    init(sources: [(name: String, source: String)]) { self.sources = sources }

    var library: MustacheLibrary {
        lock.withLock {
            if let parsed { return parsed }
            var library = MustacheLibrary()
            for (name, source) in sources {
                if let template = try? MustacheTemplate(string: source) { library.register(template, named: name) }
            }
            parsed = library
            return library
        }
    }
}
