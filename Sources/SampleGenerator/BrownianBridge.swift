/// Pins a random walk to anchor levels, spreading each gap over the sessions in proportion to their volatility:
/// calm days stay calm and crashes are fast, without piling the whole move onto the single most volatile day.
enum BrownianBridge {
    struct Pin {
        let index: Int
        let logLevel: Double
    }

    /// Log levels from `pins[0].index` on; entries before it are zero, and after the last pin the walk runs free.
    static func levels(increments: [Double], volatilities: [Double], pins: [Pin]) -> [Double] {
        precondition(!pins.isEmpty && zip(pins, pins.dropFirst()).allSatisfy { $0.index < $1.index }, "pins must be increasing")
        let start = pins[0].index
        let walk = cumulative(increments, from: start)
        let clock = cumulative(volatilities, from: start)
        var levels = [Double](repeating: 0, count: increments.count)
        for (left, right) in zip(pins, pins.dropFirst()) {
            let gap = (right.logLevel - left.logLevel) - (walk[right.index] - walk[left.index])
            let span = clock[right.index] - clock[left.index]
            for index in left.index...right.index {
                let share = span > 0 ? (clock[index] - clock[left.index]) / span : 0
                levels[index] = left.logLevel + walk[index] - walk[left.index] + gap * share
            }
        }
        let last = pins[pins.count - 1]
        for index in last.index..<increments.count {
            levels[index] = last.logLevel + walk[index] - walk[last.index]
        }
        return levels
    }

    private static func cumulative(_ values: [Double], from start: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: values.count)
        for index in (start + 1)..<max(start + 1, values.count) {
            sums[index] = sums[index - 1] + values[index]
        }
        return sums
    }
}
