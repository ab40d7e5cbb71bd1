import Newsletter
import Analytics

/// Where the relative-performance chart draws: the plot area left of the end label and right of
/// the percentage labels, sessions evenly spaced on x (no weekend gaps), percentages on y.
struct RelativePerformanceLayout {
    static let plotTop = 44.0
    static let plotBottom = 214.0
    static let height = 240.0

    let ticks: PercentTicks
    let months: MonthTicks
    /// The latest value, printed at the end of the line.
    let endLabel: String
    let plotLeft: Double
    let plotRight: Double
    let y: LinearScale
    /// Distance between two sessions.
    let step: Double

    init(points: [ChartPoint]) {
        let values = points.map(\.value)
        let ticks = PercentTicks(covering: values.min()!, values.max()!)
        self.ticks = ticks
        months = MonthTicks(dates: points.map(\.date))
        plotLeft = (ticks.labels.map { ChartStyle.estimatedWidth($0) }.max() ?? 0) + 8
        endLabel = NumberStyle.percent(values[values.count - 1])
        plotRight = ChartStyle.width - ChartStyle.estimatedWidth(endLabel, bold: true) - 8
        y = LinearScale(domain: ticks.domain, range: (Self.plotBottom, Self.plotTop))
        step = (plotRight - plotLeft) / Double(points.count - 1)
    }

    func x(_ index: Int) -> Double {
        plotLeft + Double(index) * step
    }
}
