import Foundation
import MarketData
import TestSupport
import Testing

@Suite struct ProjectLoaderTests {
    private func project(_ files: [String: String]) throws -> String {
        let root = ScratchFolder.make("loader")
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// `--project nope` said "marketnote.yml:1:1: cannot read the project configuration … or pass
    /// --project", to a user who had passed it: the error names the file it looked for.
    @Test func aMissingConfigurationIsNamedWithThePathLookedAt() throws {
        let folder = ScratchFolder.make("no-project") + "/absent"
        do {
            _ = try ProjectLoader(root: folder).loadConfig()
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.location.path == folder + "/marketnote.yml")
            #expect(error.diagnostics.first?.message == "there is no project configuration here")
        }
    }

    @Test func aLongFormatFileServesSeveralConfiguredSymbolsAndFREDServesMacro() throws {
        let root = try project([
            "marketnote.yml": """
                title: T
                baseURL: https://t.example/
                series:
                  - { symbol: AAA, file: data/all.csv }
                  - { symbol: BBB, file: data/all.csv }
                macro:
                  - { id: gdp, file: data/GDPC1.csv, transform: annualised-growth, unit: "%" }
                """,
            "data/all.csv": "symbol,date,open,high,low,close,volume\nAAA,2024-01-02,1,1,1,1,0\nBBB,2024-01-02,2,2,2,2,0\n",
            "data/GDPC1.csv": "observation_date,GDPC1\n2024-01-01,100\n2024-04-01,.\n2024-07-01,101\n",
        ])
        let inputs = try ProjectLoader(root: root).load()
        #expect(inputs.prices.map(\.symbol) == ["AAA", "BBB"])
        #expect(inputs.prices("BBB")?.close == [2])
        #expect(inputs.macro["gdp"]?.periods.map(\.description) == ["2024Q1", "2024Q2", "2024Q3"])
    }

    @Test func aSymbolMissingFromItsFileIsReportedAtItsConfigEntry() throws {
        let root = try project([
            "marketnote.yml": "title: T\nbaseURL: https://t.example/\nseries:\n  - { symbol: CCC, file: data/all.csv }\n",
            "data/all.csv": "symbol,date,open,high,low,close\nAAA,2024-01-02,1,1,1,1\n",
        ])
        #expect(throws: DiagnosticReport.self) { try ProjectLoader(root: root).load() }
        do {
            _ = try ProjectLoader(root: root).load()
        } catch {
            #expect(error.diagnostics.first?.message == "'data/all.csv' has no rows for symbol 'CCC'")
            #expect(error.diagnostics.first?.location.path == "marketnote.yml")
        }
    }
}
