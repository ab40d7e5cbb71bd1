import Analytics
import Foundation
import MarketData
import Publishing
import Testing
import TestSupport

@Suite struct StreamingJSONEncoderTests {
    private struct Sample: Codable, Equatable {
        var name: String
        var values: [Double?]
        var nested: [Inner]
        var empty: [Int]
        var flag: Bool
        var missing: String?
    }

    private struct Inner: Codable, Equatable {
        var date: SessionDate
        var count: Int
    }

    @Test func roundTripsThroughJSONDecoder() throws {
        let sample = Sample(name: "S&P \"500\"\n\u{1}", values: [0.1, nil, -2.5e-7, 3], nested: [Inner(date: SessionDate("2026-01-15")!, count: 10)],
                            empty: [], flag: true, missing: nil)
        let bytes = try StreamingJSONEncoder().encode(sample)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(bytes)) == sample)
    }

    @Test func writesKeysInDeclarationOrderWithTwoSpaceIndentation() throws {
        let text = String(decoding: try StreamingJSONEncoder().encode(Inner(date: SessionDate("2026-01-15")!, count: 3)), as: UTF8.self)
        #expect(text == "{\n  \"date\": \"2026-01-15\",\n  \"count\": 3\n}\n")
    }

    @Test func roundTripsTheFactsOfARealNote() throws {
        let analysis = HistoryAnalysis(inputs: try Fixtures.realProject())
        for date in ["2008-10-15", "2018-12-31", "1987-10-19"] {
            let facts = analysis.facts(on: SessionDate(date)!)
            let bytes = try StreamingJSONEncoder().encode(facts)
            #expect(try JSONDecoder().decode(NoteFacts.self, from: Data(bytes)) == facts, "\(date)")
        }
    }

    @Test func keepsScalarArraysOnOneLineAndNestedValuesOnTheirOwn() throws {
        let value = [ChartPoint(date: SessionDate("2026-01-14")!, value: 0.5), ChartPoint(date: SessionDate("2026-01-15")!, value: -1)]
        let text = String(decoding: try StreamingJSONEncoder().encode(value), as: UTF8.self)
        #expect(text == "[\n  [\"2026-01-14\", 0.5],\n  [\"2026-01-15\", -1]\n]\n")
        #expect(String(decoding: try StreamingJSONEncoder().encode([String]()), as: UTF8.self) == "[]\n")
    }

    /// The chart points and dates `encodeNested` writes directly, and the same values through `Encodable`.
    private struct Direct: Encodable {
        var points: [ChartPoint]
        var none: [ChartPoint] = []
        var dates: [SessionDate]
        var series: [[ChartPoint]]
    }

    private struct ThroughEncodable: Encodable {
        var points: Opaque
        var none = Opaque(points: [])
        var dates: [OpaqueDate]
        var series: [Opaque]

        struct Opaque: Encodable {
            var points: [ChartPoint]
            func encode(to encoder: Encoder) throws {
                var container = encoder.unkeyedContainer()
                for point in points { try container.encode(point) }
            }
        }

        struct OpaqueDate: Encodable {
            var date: SessionDate
            func encode(to encoder: Encoder) throws { try date.encode(to: encoder) }
        }
    }

    @Test func chartPointsAndDatesWrittenDirectlyMatchTheEncodablePath() throws {
        let points = [ChartPoint(date: SessionDate("1999-12-31")!, value: -0.0125), ChartPoint(date: SessionDate("2026-01-15")!, value: 12)]
        let dates = [SessionDate("2000-01-03")!, SessionDate("2026-11-26")!]
        let direct = Direct(points: points, dates: dates, series: [points, [], points.reversed()])
        let generic = ThroughEncodable(points: .init(points: points), dates: dates.map { .init(date: $0) },
                                       series: [.init(points: points), .init(points: []), .init(points: points.reversed())])
        let directText = String(decoding: try StreamingJSONEncoder().encode(direct), as: UTF8.self)
        #expect(directText == String(decoding: try StreamingJSONEncoder().encode(generic), as: UTF8.self))
        #expect(directText.contains("\"none\": []"))
        #expect(directText.contains("[\"1999-12-31\", -0.0125]"))
    }

    private final class Level: Encodable {
        let a: Int
        let inner: Level?
        init(_ a: Int, _ inner: Level?) { self.a = a; self.inner = inner }
    }

    /// Line breaks come from a prepared buffer up to 32 levels deep, and are written out beyond.
    @Test func indentsEveryLevelByTwoSpacesAtAnyDepth() throws {
        let depth = 40
        var level = Level(depth, nil)
        for k in stride(from: depth - 1, through: 1, by: -1) { level = Level(k, level) }
        var lines = ["{"]
        for k in 1...depth {
            let indent = String(repeating: "  ", count: k)
            lines.append(indent + "\"a\": \(k)" + (k < depth ? "," : ""))
            if k < depth { lines.append(indent + "\"inner\": {") }
        }
        for k in stride(from: depth - 1, through: 0, by: -1) { lines.append(String(repeating: "  ", count: k) + "}") }
        let text = String(decoding: try StreamingJSONEncoder().encode(level), as: UTF8.self)
        #expect(text == lines.joined(separator: "\n") + "\n")
    }

    @Test func refusesNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Double.nan]) }
    }
}
