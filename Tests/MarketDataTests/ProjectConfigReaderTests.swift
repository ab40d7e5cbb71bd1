import MarketData
import Testing

@Suite struct ProjectConfigReaderTests {
    private let minimal = """
        title: Desk
        baseURL: https://example.com
        series:
          - symbol: SPY
            file: data/SPY.csv
        """

    @Test func readsAMinimalConfigWithDefaults() throws {
        let config = try ProjectConfigReader.read(text: minimal, path: "marketnote.yml")
        #expect(config.baseURL == "https://example.com/")
        #expect(config.series.first?.returns == .price)
        #expect(config.quotes.windowDays == 14)
    }

    @Test func unknownKeysAreReportedWithASuggestion() throws {
        do {
            _ = try ProjectConfigReader.read(text: minimal + "\ntitel: typo\n", path: "marketnote.yml")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message == "unknown key 'titel' in the document")
            #expect(diagnostic.hint == "did you mean 'title'?")
            #expect(diagnostic.location.line == 6)
        }
    }

    @Test func aComparisonOfAnUnknownSymbolIsAnError() throws {
        do {
            _ = try ProjectConfigReader.read(text: minimal + "\ncomparisons:\n  - leader: IWM\n    benchmark: SPY\n", path: "m.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("'IWM', which is not a configured series") })
        }
    }

    @Test func wrongValueTypesAreReportedAtTheirPosition() throws {
        do {
            _ = try ProjectConfigReader.read(text: minimal + "\nquotes:\n  windowDays: soon\n", path: "m.yml")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.line == 7)
            #expect(diagnostic.message.contains("whole number"))
        }
    }
}
