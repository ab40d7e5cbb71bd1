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

    @Test func refusesNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder().encode([Double.nan]) }
    }
}
