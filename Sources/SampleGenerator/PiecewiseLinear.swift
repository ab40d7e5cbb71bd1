/// Linear interpolation through knots, flat beyond the first and last knot.
struct PiecewiseLinear: Sendable {
    struct Knot: Sendable {
        let x: Double
        let y: Double
    }

    let knots: [Knot]

    init(_ knots: [Knot]) {
        precondition(!knots.isEmpty && zip(knots, knots.dropFirst()).allSatisfy { $0.x < $1.x }, "knots must be increasing")
        self.knots = knots
    }

    /// Knots keyed by ISO date literals, so schedules read like a timeline.
    init(dated entries: KeyValuePairs<String, Double>) {
        self.init(entries.map { Knot(x: Double(CalendarDate($0.key).dayNumber), y: $0.value) })
    }

    func value(on date: CalendarDate) -> Double {
        value(at: Double(date.dayNumber))
    }

    func value(at x: Double) -> Double {
        guard x > knots[0].x else { return knots[0].y }
        guard x < knots[knots.count - 1].x else { return knots[knots.count - 1].y }
        var low = 0, high = knots.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if knots[middle].x <= x { low = middle } else { high = middle }
        }
        let left = knots[low], right = knots[high]
        return left.y + (right.y - left.y) * (x - left.x) / (right.x - left.x)
    }
}
