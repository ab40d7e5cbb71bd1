/// Synthetic guidance breadth: a shared cycle with persistent per-size noise, large caps usually ahead, small caps leading only in the chosen months.
struct GuidanceBreadthBuilder {
    /// Typical share (%) raising guidance through the cycle.
    private let cycle: KeyValuePairs<String, Double> = [
        "2015-01": 14.0, "2016-02": 9.0, "2017-06": 18.0, "2018-06": 24.0, "2019-06": 16.0,
        "2020-04": 7.0, "2020-12": 18.0, "2021-06": 27.0, "2022-06": 18.0, "2022-12": 11.0,
        "2023-12": 15.0, "2024-12": 19.0, "2025-04": 10.0, "2025-12": 17.0, "2026-01": 19.0,
    ]
    /// Usual distance of each size bucket from the cycle (%): small, mid, large.
    private let tilts = [-1.5, 0.8, 2.0]
    /// Persistence and size (%) of each bucket's month-to-month noise.
    private let noisePersistence = 0.6
    private let noiseScale = 1.1
    /// Bounds of every value, in tenths of a percent.
    private let minimum = 50
    private let maximum = 300
    /// Smallest distance (tenths) between small caps and the best of the others, so leads and non-leads are unambiguous.
    private let clearGap = 5

    func build(random: inout RandomStream) -> GuidanceBreadthSeries {
        let profile = PiecewiseLinear(cycle.map { PiecewiseLinear.Knot(x: Double(YearMonth($0.key).ordinal), y: $0.value) })
        var noise = [0.0, 0.0, 0.0]
        let months = YearMonth.range(from: SampleConstraints.guidanceMonths.lowerBound, through: SampleConstraints.guidanceMonths.upperBound)
        let observations = months.map { month in
            let level = profile.value(at: Double(month.ordinal))
            let values = (0..<3).map { bucket in
                noise[bucket] = noisePersistence * noise[bucket] + noiseScale * random.normal()
                return tenths(level + tilts[bucket] + noise[bucket])
            }
            return ordered(month, small: values[0], mid: values[1], large: values[2], random: &random)
        }
        return GuidanceBreadthSeries(observations: observations)
    }

    private func tenths(_ value: Double) -> Int {
        min(maximum, max(minimum, FixedDecimal.scaled(value, decimals: 1)))
    }

    /// Puts small caps clearly above (lead months) or clearly below the better of mid and large, never level with it.
    private func ordered(_ month: YearMonth, small: Int, mid: Int, large: Int, random: inout RandomStream) -> GuidanceBreadthSeries.Observation {
        let best = max(mid, large)
        let gap = clearGap + Int(random.uniform(in: 0...20))
        if SampleConstraints.smallLeadMonths.contains(month) {
            let leader = min(maximum, best + gap)
            return .init(month: month, small: leader, mid: min(mid, leader - clearGap), large: min(large, leader - clearGap))
        }
        if small <= best - clearGap {
            return .init(month: month, small: small, mid: mid, large: large)
        }
        let lowered = max(minimum, best - gap)
        let lifted = max(best, lowered + clearGap)
        return mid >= large
            ? .init(month: month, small: lowered, mid: lifted, large: large)
            : .init(month: month, small: lowered, mid: mid, large: lifted)
    }
}
