import Analytics
import Newsletter
@testable import Publishing
import Testing

@Suite struct ChartRelativePerformanceTests {
    func chart(_ comparison: ComparisonFacts) throws -> (RenderedChart, ChartSVG) {
        let charts = ChartRenderer().charts(for: ChartFixtures.facts(comparisons: [comparison]))
        let chart = try #require(charts.first { $0.id == "chart-relative-1" })
        return (chart, ChartSVG(chart.svg.text))
    }

    func linePoints(_ svg: ChartSVG) throws -> [(x: Double, y: Double)] {
        ChartSVG.polylinePoints(try #require(svg.first("path", class: "line")?.attributes["d"]))
    }

    @Test func lineHasOnePointPerInputPointFromLeftToRight() throws {
        let values = (0..<252).map { Double($0 % 17) / 100 - 0.05 }
        let (_, svg) = try chart(ChartFixtures.comparison(ChartFixtures.points(values)))
        let points = try linePoints(svg)
        #expect(points.count == 252)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.x < $1.x })
    }

    @Test func streakBandSpansExactlyTheStreakSessions() throws {
        let points = ChartFixtures.points((0..<20).map { Double($0) / 100 })
        let (chart, svg) = try chart(ChartFixtures.comparison(points, streakLength: 5, streakStart: points[15].date))
        let line = try linePoints(svg)
        let band = try #require(svg.first("rect", class: "streak"))
        let left = try #require(band.number("x")), right = left + (try #require(band.number("width")))
        #expect(left > line[14].x && left < line[15].x)
        #expect(right > line[19].x - 0.05)
        // The faint band's ends are marked by a bracket with full contrast (WCAG 1.4.11).
        let edge = ChartSVG.polylinePoints(try #require(svg.first("path", class: "streak-edge")?.attributes["d"]))
        #expect(edge.count == 4 && edge.map(\.x).enumerated().allSatisfy { abs($1 - ($0 < 2 ? left : right)) < 0.05 })
        #expect(svg.first("text", class: "streak-label")?.text == "5-session streak")
        #expect(chart.description.contains("for 5 sessions in a row, since \(NumberStyle.longDate(points[15].date))"))
    }

    @Test func streakOlderThanTheWindowShadesFromTheFirstSession() throws {
        let points = ChartFixtures.points((0..<20).map { Double($0) / 100 })
        let (_, svg) = try chart(ChartFixtures.comparison(points, streakLength: 30, streakStart: points[0].date.adding(days: -30)))
        let band = try #require(svg.first("rect", class: "streak"))
        #expect(band.number("x") == (try linePoints(svg))[0].x)
    }

    @Test func singleSessionLeadIsNotMarkedAsAStreak() throws {
        let points = ChartFixtures.points([0, 0.01, 0.02])
        let (chart, svg) = try chart(ChartFixtures.comparison(points, streakLength: 1, streakStart: points[2].date))
        #expect(svg.first("rect", class: "streak") == nil && svg.first("path", class: "streak-edge") == nil)
        #expect(!chart.description.contains("in a row"))
    }

    @Test func negativeValuesDrawBelowTheZeroLineAndPositiveAbove() throws {
        let (_, svg) = try chart(ChartFixtures.comparison(ChartFixtures.points([0.03, -0.04, 0.02, -0.01])))
        let zeroY = try #require(svg.first("path", class: "zero")?.attributes["d"].map(ChartSVG.pathNumbers)?[1])
        let line = try linePoints(svg)
        #expect(line[0].y < zeroY && line[2].y < zeroY)
        #expect(line[1].y > zeroY && line[3].y > zeroY)
    }

    @Test func percentagesCarryARealMinusSignAndDatesReadAsMonthAndYear() throws {
        let values = (0..<252).map { -Double($0) / 2000 }
        let (_, svg) = try chart(ChartFixtures.comparison(ChartFixtures.points(values)))
        let labels = svg.all("text").map(\.text)
        #expect(labels.contains("\u{2212}10%"))
        #expect(!labels.contains { $0.hasPrefix("-") })
        #expect(labels.contains("Apr 2025") && labels.contains("Jul 2025") && labels.contains("Oct 2025") && labels.contains("Jan 2026"))
    }

    @Test func endLabelAndTextAlternativeGiveTheLatestValueAndTheRange() throws {
        let points = ChartFixtures.points([0, -0.021, 0.062, 0.043])
        let (chart, svg) = try chart(ChartFixtures.comparison(points))
        #expect(svg.all("text").contains { $0.text == "+4.3%" && $0.attributes["class"] == "gain" })
        #expect(chart.title == "IWM relative to SPY since January 12, 2026")
        #expect(chart.description == "IWM’s return relative to SPY from January 12, 2026 to January 15, 2026: +4.3% at the end, "
            + "ranging from \u{2212}2.1% (January 13, 2026) to +6.2% (January 14, 2026).")
    }

    /// The title says "the past year" when the line reaches back a year (it starts at the 1Y
    /// base), not after a count of sessions: 252 weekdays fall short of a year.
    @Test func aLineReachingBackAYearIsTitledThePastYear() throws {
        let (year, _) = try chart(ChartFixtures.comparison(ChartFixtures.points(Array(repeating: 0.01, count: 262))))
        #expect(year.title == "IWM relative to SPY over the past year")
        let (short, _) = try chart(ChartFixtures.comparison(ChartFixtures.points(Array(repeating: 0.01, count: 252))))
        #expect(short.title.hasPrefix("IWM relative to SPY since "), "\(short.title)")
    }

    @Test func emptyOrSinglePointLineYieldsNoChart() {
        for points in [[], ChartFixtures.points([0.01])] {
            let charts = ChartRenderer().charts(for: ChartFixtures.facts(comparisons: [ChartFixtures.comparison(points)]))
            #expect(charts.isEmpty)
        }
    }

    @Test func flatLineStillDrawsAZeroLineAndTicks() throws {
        let (_, svg) = try chart(ChartFixtures.comparison(ChartFixtures.points([0, 0, 0])))
        #expect(svg.wellFormed)
        #expect(svg.first("path", class: "zero") != nil)
        #expect(try linePoints(svg).count == 3)
    }
}
