import Analytics
import Foundation
import MarketData
@testable import Publishing
import Testing
import TestSupport

@Suite struct JSONByteWriterTests {
    /// Dates are written as they print, whether one follows the other within a month (only the
    /// day's digits are rewritten), across a month's or a year's end, back in time, or outside
    /// the years 0...9999.
    @Test func everyDateIsWrittenAsItPrintsWhateverCameBefore() {
        var random = SystemRandomNumberGenerator()
        var day = Int32(SessionDate("1999-12-20")!.dayNumber)
        var dates: [SessionDate] = []
        for _ in 0..<20_000 {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: day -= Int32.random(in: 0...400, using: &random)
            case 1: day += Int32.random(in: 20...800, using: &random)
            default: day += Int32.random(in: 0...3, using: &random)
            }
            dates.append(SessionDate(dayNumber: day))
        }
        let lastOfYear9999 = SessionDate("9999-12-31")!.dayNumber, firstOfYear0 = SessionDate("0001-01-01")!.dayNumber - 366
        dates += ["9999-12-30", "9999-12-31", "2024-02-28", "2024-02-29", "2023-02-28", "2023-03-01"].map { SessionDate($0)! }
        dates += [lastOfYear9999 + 1, lastOfYear9999 + 40, firstOfYear0, firstOfYear0 + 1, firstOfYear0 - 1, firstOfYear0 + 30]
            .map { SessionDate(dayNumber: $0) }
        let written = String(decoding: JSONByteWriter.document(dates), as: UTF8.self)
        let expected = "[" + dates.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        #expect(written == expected)
    }

    private struct Sample: Codable, Equatable, JSONObject {
        var name: String
        var values: [Double]
        var nested: [Inner]
        var empty: [Int]
        var flag: Bool
        var missing: String?
        var present: Int?

        func writeMembers(to w: JSONByteWriter) {
            w.member("name", name)
            w.member("values", values)
            w.member("nested", nested)
            w.member("empty", empty)
            w.member("flag", flag)
            w.member("missing", missing)
            w.member("present", present)
        }
    }

    private struct Inner: Codable, Equatable, JSONObject {
        var date: SessionDate
        var count: Int

        func writeMembers(to w: JSONByteWriter) {
            w.member("date", date)
            w.member("count", count)
        }
    }

    private static let sample = Sample(name: "S&P \"500\"\n\u{1}\t\\ café 📈", values: [0.1, -2.5e-7, 3, 1e22, 0.30000000000000004],
                                       nested: [Inner(date: SessionDate("2026-01-15")!, count: 10), Inner(date: SessionDate("1950-01-03")!, count: -4)],
                                       empty: [], flag: true, missing: nil, present: 7)

    private func text<T: JSONValue>(_ value: T) -> String { String(decoding: JSONByteWriter.document(value), as: UTF8.self) }

    @Test func roundTripsThroughJSONDecoder() throws {
        #expect(try JSONDecoder().decode(Sample.self, from: Data(JSONByteWriter.document(Self.sample))) == Self.sample)
    }

    @Test func writesWhatEncodableMakesOfTheSameValue() throws {
        #expect(text(Self.sample) == (try EncodableJSONReference.text(Self.sample)))
    }

    @Test func writesMembersInOrderWithTwoSpaceIndentationAndLeavesOutNil() {
        #expect(text(Inner(date: SessionDate("2026-01-15")!, count: 3)) == "{\n  \"date\": \"2026-01-15\",\n  \"count\": 3\n}\n")
        let sample = text(Self.sample)
        #expect(!sample.contains("missing"))
        #expect(sample.contains("\n  \"present\": 7\n}"))
    }

    @Test func keepsScalarArraysOnOneLineAndNestedValuesOnTheirOwn() {
        let points = [ChartPoint(date: SessionDate("2026-01-14")!, value: 0.5), ChartPoint(date: SessionDate("2026-01-15")!, value: -1)]
        #expect(text(points) == "[\n  [\"2026-01-14\", 0.5],\n  [\"2026-01-15\", -1]\n]\n")
        #expect(text(["a", "b"]) == "[\"a\", \"b\"]\n")
        #expect(text([String]()) == "[]\n")
        #expect(text(Self.sample).contains("\"empty\": [],"))
    }

    private final class Level: JSONObject {
        let a: Int
        let inner: Level?
        init(_ a: Int, _ inner: Level?) { self.a = a; self.inner = inner }
        func writeMembers(to w: JSONByteWriter) {
            w.member("a", a)
            w.member("inner", inner)
        }
    }

    /// Line breaks are written eight bytes at a time: every depth from 1 to 40 (breaks of 3 to
    /// 81 bytes, ending anywhere in a word) is indented by two spaces a level.
    @Test func indentsEveryLevelByTwoSpacesAtAnyDepth() {
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
        #expect(text(level) == lines.joined(separator: "\n") + "\n")
    }

    /// A fraction is written as `description` writes it, the shortest text that reads back as
    /// the same Double, short or long, tiny or huge; a whole number below 10^15 without ".0".
    @Test func writesNumbersAsTheirShortestTextThatReadsBack() {
        var random = RandomMarket(seed: 7)
        let chosen: [Double] = [0.1, -0.10025827659074904, 1e-7, .leastNonzeroMagnitude, 1.7976931348623157e308,
                                123456789012345.6, 1e15, -0.0, 3, -42, 4_500, 1e15 - 1, -(1e15 - 1), 1e15 - 0.5, 2.5, -2.5]
        let wholes: [Double] = (0..<2_000).map { _ in Double(random.int(-1_000_000...1_000_000)) }
        let patterns: [Double] = (0..<5_000).map { _ in Double(bitPattern: random.next()) }.filter(\.isFinite)
        let scaled: [Double] = (0..<5_000).map { _ in (random.uniform() - 0.5) * [1, 1e-3, 1e6, 1e12][random.int(0...3)] }
        let values = chosen + wholes + patterns + scaled
        for value in values {
            let expected = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
            #expect(text(value) == expected + "\n")
            #expect(Double(String(expected)) == value)
        }
    }

    /// The writer starts with 40 KB and grows: a 1 MB document is whole and in order.
    @Test func writesDocumentsManyTimesLargerThanItsFirstBuffer() throws {
        let start = SessionDate("2000-01-03")!
        let rows = (0..<20_000).map { Inner(date: start.adding(days: $0), count: $0 * 7 - 5_000) }
        let written = JSONByteWriter.document(rows)
        #expect(written.count > 1_000_000)
        #expect(String(decoding: written, as: UTF8.self) == (try EncodableJSONReference.text(rows)))
        #expect(try JSONDecoder().decode([Inner].self, from: Data(written)) == rows)
    }

    /// JSON has no NaN or infinity; the rest of the file is still worth writing.
    @Test func writesNonFiniteNumbersAsNull() {
        #expect(text([1.5, Double.nan, -Double.infinity]) == "[1.5, null, null]\n")
    }

    /// The reference itself, on a value whose JSON is known: it is what the facts are held to.
    @Test func theEncodableReferenceLaysOutJSONAsTheSiteDoes() throws {
        let expected = """
            {
              "name": "a",
              "values": [1, 0.25],
              "nested": [
                {
                  "date": "2026-01-15",
                  "count": 2
                }
              ],
              "empty": [],
              "flag": false
            }

            """
        let value = Sample(name: "a", values: [1, 0.25], nested: [Inner(date: SessionDate("2026-01-15")!, count: 2)], empty: [],
                           flag: false, missing: nil, present: nil)
        #expect(try EncodableJSONReference.text(value) == expected)
    }
}
