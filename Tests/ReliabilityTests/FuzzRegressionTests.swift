import Foundation
import MarketData
import Testing

/// Inputs that crashed a loader or broke its promises (found by the fuzz targets in `Fuzz/` and
/// by reading the code they exercise), each now rejected at its position, or loaded correctly.
@Suite struct FuzzRegressionTests {
    struct Regression: Sendable, CustomTestStringConvertible {
        enum Loader: Sendable {
            case prices
            case observations
            case quote
            case config
        }

        let name: String
        let loader: Loader
        let input: [UInt8]
        /// `line:column: message fragment` of the first error, or nil when the input is valid.
        let firstError: String?
        var testDescription: String { name }

        init(_ name: String, _ loader: Loader, _ text: String, firstError: String?) {
            self.init(name, loader, Array(text.utf8), firstError: firstError)
        }

        init(_ name: String, _ loader: Loader, _ input: [UInt8], firstError: String?) {
            self.name = name
            self.loader = loader
            self.input = input
            self.firstError = firstError
        }
    }

    static let regressions: [Regression] = [
        // The symbol was read before the row's field count was checked: index out of range.
        Regression("long-format row shorter than its symbol column", .prices,
                   "date,open,high,low,close,symbol\n2025-01-02\n", firstError: "2:11: expected 6 fields, found 1"),
        // Digits of a year were summed into an Int without a bound: arithmetic overflow.
        Regression("twenty-digit year in a year,quarter table", .observations,
                   "year,quarter,value\n99999999999999999999,1,1\n", firstError: "2:1: is not a year and quarter"),
        // Year 0 parsed, but has no first day in the calendar: a force unwrap on comparison.
        Regression("quarters of year zero", .observations, "date,value\n0000Q1,1\n0000Q2,2\n", firstError: "2:1: '0000Q1' is not a date"),
        Regression("months of year zero", .observations, "date,value\n0000-01,1\n0000-02,2\n", firstError: "2:1: '0000-01' is not a date"),
        // Year 1 loaded, and the 1Y return looked for year 0: a crash in the analysis.
        Regression("prices in year one", .prices, "Date,Open,High,Low,Close\n0001-01-02,1,1,1,1\n0001-01-03,1,1,1,1\n",
                   firstError: "2:1: 0001-01-02 is outside the years marketnote reads"),
        Regression("quarter of year 9999", .observations, "date,value\n9999Q4,1\n",
                   firstError: "2:1: year 9999 is outside the years marketnote reads"),
        // "\r\n" is one Character in Swift: front matter written with CRLF was not found.
        Regression("quote with CRLF line ends", .quote, "---\r\nby: A\r\nfirm: B\r\ndate: 2026-01-14\r\n---\r\nWords.\r\n", firstError: nil),
        Regression("exclusion window with year zero", .config,
                   "title: T\nbaseURL: https://x.example/\nseries: []\nmacro:\n  - id: m\n    file: m.csv\n    exclude:\n      - {from: 0000Q1, to: 2000Q1}\n",
                   firstError: "8:16: 'from' is not a date"),
    ]

    @Test(arguments: regressions)
    func inputIsRejectedAtItsPositionOrLoaded(_ regression: Regression) {
        let diagnostics = Self.load(regression.input, with: regression.loader)
        guard let expected = regression.firstError else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            return
        }
        let first = diagnostics.first.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(first?.hasPrefix(String(expected.prefix { $0 != " " })) == true, "\(first ?? "no error")")
        #expect(first?.contains(expected.drop { $0 != " " }.dropFirst()) == true, "\(first ?? "no error")")
    }

    /// Inputs the fuzzers saved (`fuzz-artifacts/`), kept under `Tests/Fixtures/FuzzRegressions/`
    /// in a folder per loader: each must load or be rejected with positions, never crash.
    @Test func savedFuzzInputsAreLoadedOrRejectedWithPositions() throws {
        let folder = ProjectSandbox.repositoryRoot + "/Tests/Fixtures/FuzzRegressions"
        let loaders: [String: Regression.Loader] = ["price": .prices, "observation": .observations, "frontmatter": .quote, "config": .config]
        for (name, loader) in loaders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + name)) ?? []
            for file in files.sorted() {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name + "/" + file)))
                for diagnostic in Self.load(bytes, with: loader) {
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(name)/\(file): \(diagnostic)")
                }
            }
        }
    }

    /// What the loader reports for `input`: nothing when it is accepted.
    static func load(_ input: [UInt8], with loader: Regression.Loader) -> [Diagnostic] {
        do throws(DiagnosticReport) {
            switch loader {
            case .prices:
                _ = try PriceFileParser.parse(bytes: input, path: "prices.csv", symbol: "X")
            case .observations:
                _ = try ObservationFileParser.parse(bytes: input, path: "data.csv")
            case .quote:
                guard let text = String(validating: input, as: UTF8.self) else { return [] }
                _ = try ContentReader.quote(text: text, path: "quote.md", id: "quote")
            case .config:
                guard let text = String(validating: input, as: UTF8.self) else { return [] }
                _ = try ProjectConfigReader.read(text: text, path: "marketnote.yml")
            }
            return []
        } catch {
            return error.diagnostics
        }
    }
}
