import Foundation
import MarketData
import Testing

/// Variants of the sample's files that users' tools write (a byte-order mark, Windows line ends,
/// quoted fields, FRED's header) load to exactly what the originals load to.
@Suite struct AcceptedInputTests {
    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let changes: [FileChange]
        var testDescription: String { name }

        init(_ name: String, _ changes: FileChange...) {
            self.name = name
            self.changes = changes
        }
    }

    static let bom = "\u{FEFF}"

    static func windowsLineEnds(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    static let variants: [Variant] = [
        Variant("price file with a byte-order mark", .edit(Sample.prices) { bom + $0 }),
        Variant("price file with CRLF line ends", .edit(Sample.prices, windowsLineEnds)),
        Variant("price file with a byte-order mark and CRLF line ends", .edit(Sample.prices) { bom + windowsLineEnds($0) }),
        Variant("price file without a line end after the last row", .edit(Sample.prices) { String($0.dropLast()) }),
        Variant("price file with blank lines", .edit(Sample.prices) { $0.replacingOccurrences(of: "\n2025-", with: "\n\n2025-") }),
        Variant("price file with rows of empty fields (a spreadsheet's ,,,,,,)", .edit(Sample.prices) { text in
            text.replacingOccurrences(of: "\n2025-", with: "\n,,,,,,\n2025-") + ",,,,,,\n,,,,,,\n"
        }),
        Variant("price file with every field quoted", .edit(Sample.prices) { text in
            text.split(separator: "\n").map { line in line.split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",") }
                .joined(separator: "\n") + "\n"
        }),
        Variant("macro file with a byte-order mark and CRLF line ends", .edit(Sample.macro) { bom + windowsLineEnds($0) }),
        Variant("macro file with FRED's header", .replace(Sample.macro, "date,value\n", with: "observation_date,value\n")),
        Variant("breadth file with CRLF line ends", .edit(Sample.breadth, windowsLineEnds)),
        Variant("breadth file with rows of empty fields", .edit(Sample.breadth) { $0 + ",,,\r\n,,,\r\n" }),
        Variant("config with a byte-order mark and CRLF line ends", .edit(Sample.config) { bom + windowsLineEnds($0) }),
        Variant("quote with a byte-order mark and CRLF line ends", .edit(Sample.quote) { bom + windowsLineEnds($0) }),
        Variant("commentary with CRLF line ends", .edit(Sample.commentary, windowsLineEnds)),
    ]

    static let original = LoadedProject(root: ProjectSandbox.repositoryRoot)

    @Test(arguments: variants)
    func variantLoadsLikeTheOriginal(_ variant: Variant) throws {
        let sandbox = try ProjectSandbox()
        for change in variant.changes { try sandbox.apply(change) }
        let difference = LoadedProject(root: sandbox.project).firstDifference(from: Self.original)
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func projectSavedWithByteOrderMarksAndCRLFBuildsTheSameSite() throws {
        let sandbox = try ProjectSandbox()
        let paths = [Sample.config, Sample.prices, "content/data/SPY.csv", "content/data/MAGS.csv", Sample.macro, Sample.breadth,
                     Sample.quote, Sample.commentary]
        for path in paths { try sandbox.apply(.edit(path) { Self.bom + Self.windowsLineEnds($0) }) }
        let result = try MarketNoteCommand.build(BuildRequest(project: sandbox.project, output: sandbox.output))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SiteSnapshot(of: sandbox.output).hasSameFiles(as: SiteSnapshot(of: PublishedSite.sample)))
    }

    /// A helper's review: `email.md` saved with CRLF gave every email edition the heading
    /// "# Small cap# Small caps extend …", and a CRLF `note.html` pages with mixed line ends.
    @Test func templatesSavedWithByteOrderMarksAndCRLFBuildTheSameSite() throws {
        let sandbox = try ProjectSandbox()
        for name in ["email.md", "note.html", "layout.html", "phrases.yml", "partials/body.md"] {
            try sandbox.apply(.edit("templates/" + name) { Self.bom + Self.windowsLineEnds($0) })
        }
        let result = try MarketNoteCommand.build(BuildRequest(project: sandbox.project, output: sandbox.output))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SiteSnapshot(of: sandbox.output).hasSameFiles(as: SiteSnapshot(of: PublishedSite.sample)))
    }
}

/// What a project loads to, in a form tests can compare; the load's diagnostics when it fails.
struct LoadedProject {
    var content: [String] = []

    /// The first part that differs, shortened for a failure message.
    func firstDifference(from other: LoadedProject) -> String? {
        guard content != other.content else { return nil }
        let index = zip(content, other.content).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(content.count, other.content.count)
        let line = { (parts: [String]) in index < parts.count ? String(parts[index].prefix(300)) : "nothing" }
        return "part \(index): loaded \(line(content)), expected \(line(other.content))"
    }

    init(root: String) {
        do {
            let inputs = try ProjectLoader(root: root).load()
            let config = inputs.config
            content.append("\(config.title) \(config.baseURL) \(config.series.map(\.symbol)) \(config.macro.map(\.id))")
            for series in inputs.prices {
                content.append("\(series.symbol) \(series.dates) \(series.open) \(series.high) \(series.low) \(series.close) "
                    + "\(series.adjustedClose ?? []) \(series.volume ?? [])")
            }
            for (id, series) in inputs.macro.sorted(by: { $0.key < $1.key }) {
                content.append("\(id) \(series.periods) \(series.values)")
            }
            for (id, table) in inputs.breadth.sorted(by: { $0.key < $1.key }) {
                content.append("\(id) \(table.frequency) \(table.periods) \(table.columnNames) \(table.values)")
            }
            content += inputs.quotes.map { "\($0)" }
            content += inputs.commentary.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.title ?? "") \($0.value.body)" }
        } catch {
            content = ["failed: \(error)"]
        }
    }
}
