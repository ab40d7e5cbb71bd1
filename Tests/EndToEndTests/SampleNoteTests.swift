import Foundation
import MarketData
import Testing
import TestSupport

/// The sample note of 2026-01-15 states what the seed article states, computed from the data.
@Suite(.serialized) struct SampleNoteTests {
    static let output: Result<String, Error> = Result { try SampleProject.build() }

    private func page() throws -> String {
        try SampleProject.read(try Self.output.get() + "/notes/2026-01-15/index.html")
    }

    private func text() throws -> String {
        // The page text without tags and with entities undone, for sentence checks.
        var html = try page()
        html = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            html = html.replacingOccurrences(of: entity, with: character)
        }
        return html
    }

    @Test func buildWritesTheNotePageFactsIndexEmailAndStylesheet() throws {
        let output = try Self.output.get()
        for file in ["notes/2026-01-15/index.html", "notes/2026-01-15/facts.json", "index.html",
                     "email/2026-01-15.md", "assets/style.css"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + file), "\(file)")
        }
    }

    /// Notes with the same headline on other days are told apart by their title; each chart's
    /// figure is named by its own chart, not by a caption shared by both.
    @Test func thePageTitleCarriesTheDateAndEachChartIsNamedByItsTitle() throws {
        let html = try page()
        #expect(html.contains("<title>Small caps extend their record run to 10 sessions · January 15, 2026 · The Small-Cap Desk</title>"))
        #expect(html.contains("<summary>IWM relative to SPY over the past year, in figures</summary>"))
        #expect(html.contains("<summary>Returns by period, in figures</summary>"))
    }

    @Test func thePageHoldsTheReturnsTableRenderedByCmarkGFM() throws {
        let html = try page()
        #expect(html.contains("<table>"))
        #expect(html.contains("<th scope=\"col\" style=\"text-align: right\">YTD</th>"))
    }

    @Test func thePageStatesTheRecordAndOutperformanceStreaksAndTheLastTime() throws {
        let text = try text()
        #expect(text.contains("IWM set an intraday record high for the 10th straight session")
            || text.contains("in each of the last 10 sessions"))
        #expect(text.contains("outperformed SPY in every one of those sessions"))
        #expect(text.contains("June 2008"))
    }

    @Test func thePageStatesYearToDateReturnsSideBySide() throws {
        let facts = try NoteFactsFile(try Self.output.get() + "/notes/2026-01-15/facts.json")
        let iwm = try #require(facts.ytd("IWM")), spy = try #require(facts.ytd("SPY")), mags = try #require(facts.ytd("MAGS"))
        #expect(iwm > 0.07)
        #expect(abs(spy - 0.015) < 0.003)
        #expect(abs(mags) < 0.005)
        let text = try text()
        #expect(text.contains("IWM is up \(String(format: "%.1f", iwm * 100))%"))
        #expect(text.contains("SPY is up \(String(format: "%.1f", spy * 100))%"))
        // Little changed only when it prints as 0.0%, as a day's move is.
        #expect(text.contains(abs(mags) < 0.0005 ? "MAGS is little changed"
                              : "MAGS is \(mags > 0 ? "up" : "down") \(String(format: "%.1f", abs(mags) * 100))%"))
    }

    @Test func thePageStatesTheNowcastAsTheHighestSinceMid2014AndBeforeThatEarly2006() throws {
        let text = try text()
        #expect(text.contains("5.3%"))
        #expect(text.contains("the highest reading since the second quarter of 2014 once the post-pandemic rebound is set aside"))
        #expect(text.contains("the first quarter of 2006"))
    }

    /// The lead came with the January reading, nine sessions before this note: the note says since
    /// when it has held, and that it is the first since January 2025.
    @Test func thePageStatesTheBreadthLeadAsTheFirstSinceJanuary2025() throws {
        let text = try text()
        #expect(text.contains("Small caps have led mid caps and large caps on the share of companies raising guidance since the reading for January 2026"))
        #expect(text.contains("their first lead since January 2025"))
        #expect(text.contains("February 2019, January 2021 and January 2025"))
    }

    @Test func everyQuoteInTheWindowAppearsWithItsAttribution() throws {
        let text = try text()
        for (words, attribution) in [
            ("raising guidance faster than the big names", "Dana Okafor, Harborline Research, January 12, 2026"),
            ("domestic demand is doing\nmost of the lifting", "Erik Lindqvist, Northfield Macro Partners, January 9, 2026"),
            ("Leadership is broadening", "Marisol Reyes, Cobalt Street Advisors, January 14, 2026"),
        ] {
            #expect(text.contains(words), "\(words)")
            #expect(text.contains("— " + attribution), "\(attribution)")
        }
        #expect(!text.contains("Tomas Achebe"))  // dated outside the 14-day window
        #expect(try page().contains("<blockquote>"))
    }

    @Test func theEditorsCommentaryIsWovenIn() throws {
        #expect(try text().contains("Two things stand out this week."))
    }
}

/// Reads values out of a `facts.json`.
struct NoteFactsFile {
    let json: [String: Any]
    let text: String

    init(_ path: String) throws {
        text = try SampleProject.read(path)
        json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    var facts: [String: Any] { json["facts"] as? [String: Any] ?? [:] }

    func ytd(_ symbol: String) -> Double? {
        let series = (facts["series"] as? [[String: Any]])?.first { $0["symbol"] as? String == symbol }
        let returns = series?["returns"] as? [[String: Any]]
        return returns?.first { $0["period"] as? String == "YTD" }?["value"] as? Double
    }

    var figureTexts: [String] { (json["figures"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }

    /// Every string value in the facts (names, labels, dates), however deep.
    var strings: [String] {
        func collect(_ value: Any) -> [String] {
            switch value {
            case let text as String: return [text]
            case let array as [Any]: return array.flatMap(collect)
            case let object as [String: Any]: return object.values.flatMap(collect)
            default: return []
            }
        }
        return collect(facts)
    }
}
