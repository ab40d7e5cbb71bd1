import MarketData
import Newsletter
@testable import Publishing
import Testing
import TestSupport

@Suite struct ChartScaleTests {
    @Test func percentTicksAreRoundStepsThatCoverTheValuesAndZero() {
        let ticks = PercentTicks(covering: -0.103, 0.046)
        #expect(ticks.values == [-0.15, -0.1, -0.05, 0, 0.05])
        #expect(ticks.labels == ["\u{2212}15%", "\u{2212}10%", "\u{2212}5%", "0%", "+5%"])
    }

    @Test func percentTicksOfASmallPositiveRangeStartAtZeroWithADecimal() {
        let ticks = PercentTicks(covering: 0.001, 0.0075)
        #expect(ticks.values.first == 0)
        #expect(ticks.values.last! >= 0.0075)
        #expect(ticks.labels[1] == "+0.2%")
    }

    @Test func monthTicksThinToQuartersOverAYear() {
        let dates = ChartFixtures.points(Array(repeating: 0, count: 252)).map(\.date)
        let ticks = MonthTicks(dates: dates).ticks
        #expect(ticks.map(\.label) == ["Apr 2025", "Jul 2025", "Oct 2025", "Jan 2026"])
        #expect(ticks.allSatisfy { dates[$0.index].day <= 3 && dates[$0.index - 1].month != dates[$0.index].month })
    }

    /// Month starts against their definition: the sessions whose month differs from the one before.
    @Test func monthTicksMarkTheFirstSessionOfEachMonthOverAnyWindow() {
        var random = RandomMarket(seed: 5)
        let weekdays = RandomMarket.weekdays(900)
        for _ in 0..<300 {
            // A window of sessions with random gaps, as long as a chart's or much shorter.
            let start = random.int(0...600), length = random.int(2...299)
            let dates = weekdays[start..<min(weekdays.count, start + length)].filter { _ in random.int(0...6) > 0 }
            guard dates.count >= 2 else { continue }
            let starts = dates.indices.dropFirst().filter { dates[$0].month != dates[$0 - 1].month }
            let maxCount = random.int(1...6)
            let step = [1, 2, 3, 6, 12].first { step in starts.filter { (dates[$0].month - 1) % step == 0 }.count <= maxCount } ?? 12
            let expected = starts.filter { (dates[$0].month - 1) % step == 0 }
            #expect(MonthTicks(dates: Array(dates), maxCount: maxCount).ticks.map(\.index) == expected, "\(dates.first!) \(dates.count)")
        }
    }

    @Test func svgNumbersKeepOneDecimalAndNeverPrintNegativeZero() {
        #expect([12.34, 40, -0.05, -0.04, 0.96, 399.95].map(SVGNumber.format) == ["12.3", "40", "-0.1", "0", "1", "400"])
    }

    /// Any coordinate prints as its nearest tenth: the whole number, then the tenth when it is not
    /// zero, a minus sign only when the tenth it rounds to is below zero.
    @Test func svgNumbersPrintTheirNearestTenth() {
        var random = SystemRandomNumberGenerator()
        let values = (0..<20_000).map { index -> Double in
            let scale = [1.0, 10, 1_000, 1e6, 1e15][index % 5]
            return Double.random(in: -scale...scale, using: &random)
        } + [0.25, -0.25, 0.75, 12.25, -12.75, 0.049999999999999996, -0.049999999999999996,
             0, -0.0, 0.05, -0.05, 9.95, 99.95, 999.95, 999.94, 9999.94, 9999.95, -9999.95, 1e17, -1e17, .nan, .infinity]
        for value in values {
            let tenths = value.isFinite ? Int((value * 10).rounded()) : 0
            let expected = (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10)" + (abs(tenths) % 10 == 0 ? "" : ".\(abs(tenths) % 10)")
            #expect(SVGNumber.format(value) == expected, "\(value)")
        }
        // Appended one after another, as a path's numbers are, to bytes already there.
        var bytes = Array("M".utf8)
        for value in values { SVGNumber.append(value, to: &bytes) }
        #expect(bytes == Array(("M" + values.map(SVGNumber.format).joined()).utf8))
    }

    /// A polyline is `M`, then each point's two numbers, points apart by a space, written in one
    /// room sized for the longest numbers: any count of points, numbers of every length.
    @Test func aPolylineIsEachPointsNumbersInOrder() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 252, 1_000] {
            let points = (0..<count).map { index -> (x: Double, y: Double) in
                let scale = [1.0, 1_000, 1e17, 1e6][index % 4]
                return (Double.random(in: -scale...scale, using: &random), Double.random(in: -scale...scale, using: &random))
            }
            let expected = points.isEmpty ? "" : "M" + points.map { SVGNumber.format($0.x) + " " + SVGNumber.format($0.y) }.joined(separator: " ")
            #expect(String(decoding: PathData(polyline: points).bytes, as: UTF8.self) == expected, "\(count) points")
        }
        let longest = [(x: -9.2e17, y: -9.2e17), (x: 0.05, y: -0.05)]
        #expect(String(decoding: PathData(polyline: longest).bytes, as: UTF8.self) == "M-920000000000000000 -920000000000000000 0.1 -0.1")
    }

    /// Ties go away from zero, as `rounded()` takes them; the Doubles either side of a tie, the
    /// largest below one half, and integers up to and past 2^52 are where a fraction could be off.
    @Test func svgNearestIntegerRoundsAsTheStandardLibraryDoes() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 0.49999999999999994, -0.49999999999999994, 1.5, 2.5, -2.5,
                                0x1p52, 0x1p52 + 1, 0x1p52 - 0.5, -(0x1p52 - 0.5), 0x1p53, 0x1p53 - 1, 0x1p62, -0x1p62]
        for whole in stride(from: -2_000.0, through: 2_000, by: 1) {
            let tie = whole + 0.5
            values += [tie, tie.nextUp, tie.nextDown, whole.nextUp, whole.nextDown]
        }
        var random = SystemRandomNumberGenerator()
        for exponent in 0..<60 {
            let scale = Double(sign: .plus, exponent: exponent, significand: 1)
            values += (0..<500).map { _ in Double.random(in: -scale...scale, using: &random) }
        }
        for value in values {
            #expect(SVGNumber.nearestInteger(value) == Int(value.rounded()), "\(value)")
        }
    }
}
