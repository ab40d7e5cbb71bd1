import Analytics
import Foundation
@testable import Publishing
import Testing

@Suite struct ChartRendererTests {
    static let hostile = "A<B&\"C'"

    func facts(symbol: String = "IWM") -> NoteFacts {
        let values = (0..<60).map { sin(Double($0) / 7) / 20 }
        return ChartFixtures.facts(
            series: [ChartFixtures.series(symbol, [.oneDay: -0.002, .oneYear: 0.12]), ChartFixtures.series("SPY", [.oneDay: 0.004])],
            comparisons: [ChartFixtures.comparison(ChartFixtures.points(values), leader: symbol, streakLength: 3),
                          ChartFixtures.comparison(ChartFixtures.points(values), leader: "MAGS")])
    }

    @Test func drawsTheRelativeLinesFirstThenTheReturnBars() {
        #expect(ChartRenderer().charts(for: facts()).map(\.id) == ["chart-relative-1", "chart-relative-2", "chart-returns"])
    }

    @Test func textFromDataIsEscaped() {
        let charts = ChartRenderer().charts(for: facts(symbol: Self.hostile)).filter { $0.id != "chart-relative-2" }
        #expect(charts.count == 2)
        for chart in charts {
            #expect(!chart.svg.text.contains(Self.hostile))
            #expect(chart.svg.text.contains("A&lt;B&amp;&quot;C&#39;"))
            #expect(ChartSVG(chart.svg.text).wellFormed)
        }
    }

    @Test func codePointsThatHTMLForbidsAreDroppedFromTheChartAndItsTexts() {
        let forbidden = [0x1, 0x7F, 0x85, 0xFDD0, 0xFFFE, 0x1FFFF].map { Unicode.Scalar(UInt32($0))! }
        let symbol = "I" + String(String.UnicodeScalarView(forbidden)) + "WM"
        for chart in ChartRenderer().charts(for: facts(symbol: symbol)) where chart.id != "chart-relative-2" {
            for text in [chart.svg.text, chart.title, chart.description] {
                #expect(!text.unicodeScalars.contains { forbidden.contains($0) })
            }
            #expect(chart.svg.text.contains("IWM"))
            #expect(ChartSVG(chart.svg.text).wellFormed)
        }
    }

    @Test func sameFactsGiveByteIdenticalCharts() {
        #expect(ChartRenderer().charts(for: facts()) == ChartRenderer().charts(for: facts()))
    }

    @Test func everyChartIsAnInlineSVGThatScalesAndNamesItself() throws {
        for chart in ChartRenderer().charts(for: facts()) {
            #expect(chart.svg.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 "))
            let svg = ChartSVG(chart.svg.text)
            #expect(svg.wellFormed)
            let root = try #require(svg.elements.first)
            #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
            #expect(root.attributes["role"] == "img")
            #expect(root.attributes["aria-labelledby"] == "\(chart.id)-title" && root.attributes["aria-describedby"] == "\(chart.id)-desc")
            #expect(svg.all("title").map(\.text) == [chart.title])
            #expect(svg.all("desc").map(\.text) == [chart.description])
            #expect(svg.all("title").first?.attributes["id"] == "\(chart.id)-title")
            #expect(svg.all("desc").first?.attributes["id"] == "\(chart.id)-desc")
        }
    }

    @Test func idsAreUniqueAcrossThePagesCharts() {
        let ids = ChartRenderer().charts(for: facts()).flatMap { ChartSVG($0.svg.text).elements.compactMap { $0.attributes["id"] } }
        #expect(ids.count == 9)
        #expect(Set(ids).count == ids.count)
    }

    @Test func idPrefixStartsEveryId() {
        let charts = ChartRenderer(idPrefix: "fig").charts(for: facts())
        #expect(charts.allSatisfy { $0.id.hasPrefix("fig-") && $0.svg.text.contains("aria-labelledby=\"\($0.id)-title\" aria-describedby=\"\($0.id)-desc\"") })
    }

    @Test func coordinatesHaveAtMostOneDecimal() throws {
        let pattern = try Regex(#"\d\.\d\d"#)
        for chart in ChartRenderer().charts(for: facts()) {
            let svg = ChartSVG(chart.svg.text)
            let geometry = svg.elements.flatMap { element in
                ["x", "y", "width", "height", "cx", "cy", "d", "viewBox"].compactMap { element.attributes[$0] }
            }
            #expect(!geometry.isEmpty)
            #expect(geometry.allSatisfy { $0.firstMatch(of: pattern) == nil })
        }
    }
}
