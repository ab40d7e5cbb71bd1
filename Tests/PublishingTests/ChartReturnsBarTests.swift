import Analytics
@testable import Publishing
import Testing

@Suite struct ChartReturnsBarTests {
    func chart(_ series: [SeriesFacts]) throws -> (RenderedChart, ChartSVG) {
        let chart = try #require(ChartRenderer().charts(for: ChartFixtures.facts(series: series)).first)
        #expect(chart.id == "chart-returns")
        return (chart, ChartSVG(chart.svg.text))
    }

    @Test func negativeReturnsDrawLeftOfTheZeroLineAndGainsRight() throws {
        let (_, svg) = try chart([ChartFixtures.series("IWM", [.oneDay: 0.012, .fiveDays: -0.034])])
        let zeroX = try #require(svg.first("path", class: "zero")?.attributes["d"].map(ChartSVG.pathNumbers)?[0])
        let gain = try #require(svg.first("rect", class: "gain")), loss = try #require(svg.first("rect", class: "loss"))
        #expect(gain.number("x") == zeroX)
        #expect(abs((try #require(loss.number("x"))) + (try #require(loss.number("width"))) - zeroX) < 0.01)
        #expect(try #require(loss.number("width")) > (try #require(gain.number("width"))))
        #expect(svg.all("text").contains { $0.text == "\u{2212}3.4%" && $0.attributes["class"] == "loss" })
    }

    /// The scale leaves room for the widest value label on each side of zero: a loss's label,
    /// ending where its bar starts, clears the symbols; a gain's ends inside the chart.
    @Test func valueLabelsKeepClearOfTheSymbolsAndTheChartsEdge() throws {
        let (_, svg) = try chart([ChartFixtures.series("IWM", [.oneDay: -0.4567, .fiveDays: 0.012, .oneYear: 1.2345]),
                                  ChartFixtures.series("SPY", [.oneDay: -0.001, .fiveDays: -0.02, .oneYear: 0.3])])
        let symbolsEnd = ["IWM", "SPY"].map { ReturnsBarChart.symbolX + ChartStyle.estimatedWidth($0) }.max()!
        let labels = svg.all("text").filter { $0.attributes["class"] == "gain" || $0.attributes["class"] == "loss" }
        #expect(labels.count == 6)
        for label in labels {
            let x = try #require(label.number("x")), width = ChartStyle.estimatedWidth(label.text)
            if label.attributes["text-anchor"] == "end" {
                #expect(x - width >= symbolsEnd, "\(label.text) starts at \(x - width), the symbols end at \(symbolsEnd)")
            } else {
                #expect(x + width <= ChartStyle.width, "\(label.text) ends at \(x + width)")
            }
        }
    }

    @Test func drawsOneBarPerValueForTheTablesPeriodsOnly() throws {
        let all: [ReturnPeriod: Double?] = Dictionary(uniqueKeysWithValues: ReturnPeriod.allCases.map { ($0, 0.01) })
        let (_, svg) = try chart([ChartFixtures.series("IWM", all), ChartFixtures.series("SPY", all)])
        #expect(svg.all("rect").count == 10)
        let periodLabels = svg.all("text").map(\.text).filter { ReturnPeriod(rawValue: $0) != nil }
        #expect(periodLabels == ["1D", "5D", "MTD", "YTD", "1Y"])
    }

    @Test func missingReturnReadsNotAvailableInsteadOfABar() throws {
        let (chart, svg) = try chart([ChartFixtures.series("IWM", [.oneYear: 0.2]), ChartFixtures.series("NEW", [.oneYear: nil, .oneDay: 0.01])])
        #expect(svg.all("rect").count == 2)
        #expect(svg.all("text").contains { $0.text == "n/a" })
        #expect(chart.description == "Returns to January 15, 2026. 1D: IWM n/a, NEW +1.0%. 1Y: IWM +20.0%, NEW n/a.")
    }

    @Test func noReturnsYieldNoChart() {
        let facts = ChartFixtures.facts(series: [ChartFixtures.series("IWM", [:])])
        #expect(ChartRenderer().charts(for: facts).isEmpty)
        #expect(ChartRenderer().charts(for: ChartFixtures.facts()).isEmpty)
    }

    @Test func longSymbolsAreShortenedInTheChartButNotInTheTextAlternative() throws {
        let (chart, svg) = try chart([ChartFixtures.series("VERYLONGSYMBOL", [.oneDay: 0.01])])
        #expect(svg.all("text").contains { $0.text == "VERYLONGS…" })
        #expect(chart.description.contains("VERYLONGSYMBOL +1.0%"))
    }
}
