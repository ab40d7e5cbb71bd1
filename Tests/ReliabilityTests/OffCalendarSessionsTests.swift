import Foundation
import MarketData
import Publishing
import Testing

/// A price on a day the project's calendar has no session means the data is of another market,
/// whose month ends the calendar would tell a session early: the build publishes and says so.
@Suite struct OffCalendarSessionsTests {
    /// IWM's file with extra rows, copies of its Christmas Eve 2025 row, each in date order.
    static func addRows(_ sandbox: ProjectSandbox, on dates: [String]) throws {
        try sandbox.apply(.edit("content/data/IWM.csv") { text in
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let christmasEve = lines.first { $0.hasPrefix("2025-12-24,") }!
            for date in dates {
                let at = lines.dropFirst().firstIndex { $0.isEmpty || String($0.prefix(10)) > date }!
                lines.insert(date + christmasEve.dropFirst(10), at: at)
            }
            return lines.joined(separator: "\n")
        })
    }

    private func build(_ sandbox: ProjectSandbox) throws -> BuildSummary {
        try BuildPipeline(options: BuildOptions(projectRoot: sandbox.project, outputPath: sandbox.output)).run()
    }

    @Test func aPriceOnAnExchangeHolidayIsNamedAndTheSiteIsBuilt() throws {
        let sandbox = try ProjectSandbox()
        #expect(try build(sandbox).warnings.isEmpty)
        try Self.addRows(sandbox, on: ["2025-12-25"])
        let summary = try build(sandbox)
        // At the row (a helper's review: it had pointed at line 1), the line after Christmas Eve's.
        let lines = try String(contentsOfFile: sandbox.project + "/content/data/IWM.csv", encoding: .utf8).split(separator: "\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("2025-12-25,") }) + 1
        #expect(summary.warnings.map(\.location) == [SourceLocation(path: "content/data/IWM.csv", line: row)])
        #expect(summary.warnings.first?.message == "IWM has a price for 2025-12-25, when the 'nyse' calendar has no session; "
            + "notes may tell a month's end a session early")
        #expect(summary.warnings.first?.hint?.contains("set 'calendar: weekdays' in marketnote.yml") == true)
        #expect(summary.last == SessionDate("2026-01-15"))
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-15/index.html"))
    }

    /// With `calendar: weekdays` a holiday price is expected; a weekend one still is not.
    @Test func theWeekdayCalendarTakesHolidaysButNotWeekends() throws {
        let sandbox = try ProjectSandbox()
        try Self.addRows(sandbox, on: ["2025-12-25"])
        try sandbox.apply(.edit("marketnote.yml") { $0 + "\ncalendar: weekdays\n" })
        #expect(try build(sandbox).warnings.isEmpty)
        try Self.addRows(sandbox, on: ["2025-12-27"])
        #expect(try build(sandbox).warnings.map(\.message).first?.hasPrefix("IWM has a price for 2025-12-27, when the 'weekdays'") == true)
    }
}
