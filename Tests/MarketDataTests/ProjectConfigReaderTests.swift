import Foundation
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
        #expect(config.calendar == .nyse)
    }

    /// `calendar:` names the market's trading days; a market marketnote does not know is an
    /// error at its line that lists the ones it does.
    @Test func theCalendarIsReadAndAnUnknownOneIsAnError() throws {
        #expect(try ProjectConfigReader.read(text: minimal + "\ncalendar: weekdays\n", path: "m.yml").calendar == .weekdays)
        do {
            _ = try ProjectConfigReader.read(text: minimal + "\ncalendar: lse\n", path: "m.yml")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.line == 6, "\(diagnostic)")
            #expect(diagnostic.message == "'calendar' cannot be 'lse'", "\(diagnostic.message)")
            #expect(diagnostic.hint == "use one of 'nyse', 'weekdays'", "\(String(describing: diagnostic.hint))")
        }
    }

    /// `calendar: NYSE` was an error, and `transform: annualized-growth` listed the choices
    /// without naming the near miss: a choice's case does not matter, and a misspelling is named.
    @Test func aChoiceIgnoresCaseAndNamesTheChoiceAMisspellingMeant() throws {
        #expect(try ProjectConfigReader.read(text: minimal + "\ncalendar: NYSE\n", path: "m.yml").calendar == .nyse)
        let macro = "\nmacro:\n  - { id: gdp, file: data/gdp.csv, transform: annualized-growth }\n"
        do {
            _ = try ProjectConfigReader.read(text: minimal + macro, path: "m.yml")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message == "'transform' cannot be 'annualized-growth'")
            #expect(diagnostic.hint == "did you mean 'annualised-growth'? (one of 'none', 'annualised-growth')", "\(String(describing: diagnostic.hint))")
        }
    }

    /// "configured series: SPY, SPY" followed a symbol configured twice: the hint lists each once.
    @Test func aComparisonOfAnUnknownSeriesListsEachConfiguredSymbolOnce() throws {
        let text = minimal + "\n  - symbol: SPY\n    file: data/SPY2.csv\ncomparisons:\n  - { leader: IWM, benchmark: SPY }\n"
        do {
            _ = try ProjectConfigReader.read(text: text, path: "marketnote.yml")
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["symbol 'SPY' is configured twice",
                                                         "comparison names 'IWM', which is not a configured series"])
            #expect(error.diagnostics.last?.hint == "configured series: SPY")
        }
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

    /// `since: [{ date: 12/24/2018, label: … }]` was reported twice: the date, and "unknown key
    /// 'label'", since an entry stopped reading at its first bad value. An entry with a missing
    /// or bad value reports that value alone, whichever entry it is.
    @Test func anEntryWithABadValueReportsThatValueAloneNotItsOtherKeys() throws {
        let text = minimal + """

            email: { subjectPrefix: "[Desk]", unsubscribe: "mailto:u@example.com" }
            comparisons:
              - { benchmark: SPY }
            breadth:
              - id: guidance
                file: data/guidance.csv
                groups:
                  - { label: small caps, plural: true }
                  - { column: large }
                outcome: { benchmark: SPY }
            since:
              - { date: 12/24/2018, label: the Christmas Eve low }
            """
        do {
            _ = try ProjectConfigReader.read(text: text, path: "marketnote.yml")
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.map(\.message) == [
                "'email' is missing the required key 'from'",
                "an item of 'comparisons' is missing the required key 'leader'",
                "an item of 'groups' is missing the required key 'column'",
                "'outcome' is missing the required key 'leader'",
                "'date' must be written YYYY-MM-DD, found '12/24/2018'",
            ], "\(error.diagnostics.map(\.message))")
            #expect(error.diagnostics.last?.hint == "write the day as year-month-day: 2018-12-24 for December 24, 2018")
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

    /// An official release is known some days after its period ends: `lagDays` says how many.
    @Test func aMacroSeriesReadsItsReleaseLag() throws {
        let macro = "\nmacro:\n  - id: gdp\n    file: gdp.csv\n    available: period-end\n    lagDays: 30\n"
        let config = try ProjectConfigReader.read(text: minimal + macro, path: "m.yml")
        #expect(config.macro.first?.availability == Availability(.periodEnd, lagDays: 30))
        let plain = try ProjectConfigReader.read(text: minimal + "\nmacro:\n  - id: gdp\n    file: gdp.csv\n", path: "m.yml")
        #expect(plain.macro.first?.availability == .periodStart)
        do {
            _ = try ProjectConfigReader.read(text: minimal + macro.replacingOccurrences(of: "30", with: "-5"), path: "m.yml")
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.location.line == 10, "\(diagnostic)")
            #expect(diagnostic.message.contains("lagDays"), "\(diagnostic.message)")
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
