import Analytics
import MarketData
import Newsletter

/// The leader's return relative to its benchmark, session by session over the last year, with
/// the current outperformance streak shaded and the latest value labelled at the line's end.
struct RelativePerformanceChart {
    /// A single session is not a streak worth marking.
    static let minimumStreak = 2

    let comparison: ComparisonFacts
    let id: String

    var points: [ChartPoint] { comparison.relativePerformance }

    /// Nil when there are fewer than two points (or a value is not finite): no line to draw.
    func rendered() -> RenderedChart? {
        guard points.count >= 2, points.allSatisfy({ $0.value.isFinite }) else { return nil }
        let layout = RelativePerformanceLayout(points: points)
        let title = self.title, description = description(endLabel: layout.endLabel)
        let svg = SVGBuilder(id: id, height: RelativePerformanceLayout.height, title: title, description: description)
        svg.text(title, x: 0, y: 15, attributes: ChartStyle.titleAttributes)
        drawStreak(layout, into: svg)
        drawAxes(layout, into: svg)
        drawLine(layout, into: svg)
        return RenderedChart(id: id, title: title, description: description, svg: svg.finished())
    }

    var title: String {
        let window = points[0].date <= points[points.count - 1].date.sameDay(yearsEarlier: 1)
            ? "over the past year" : "since \(NumberStyle.longDate(points[0].date))"
        return "\(comparison.leader) relative to \(comparison.benchmark) \(window)"
    }

    /// First and last index of the leader's current streak inside the window.
    var streakIndices: ClosedRange<Int>? {
        let streak = comparison.leaderStreak
        guard streak.length >= Self.minimumStreak else { return nil }
        let first = streak.start.flatMap { start in points.firstIndex { $0.date >= start } }
            ?? max(0, points.count - streak.length)
        return first...(points.count - 1)
    }

    // MARK: - Drawing

    /// A band from half a session before the streak's first session to the end, labelled above the plot.
    /// The band is faint so the line stays legible on it; a bracket along its top edge, in the
    /// line's colour, marks where the streak begins and ends with full contrast.
    func drawStreak(_ layout: RelativePerformanceLayout, into svg: SVGBuilder) {
        guard let indices = streakIndices else { return }
        let right = layout.plotRight
        let left = max(layout.plotLeft, min(layout.x(indices.lowerBound) - layout.step / 2, right - 3))
        let top = RelativePerformanceLayout.plotTop
        svg.rect(left: left, top: top, right: right, bottom: RelativePerformanceLayout.plotBottom,
                 attributes: "class=\"streak\" fill-opacity=\".12\"")
        svg.path(PathData(polyline: [(left, top + 4), (left, top), (right, top), (right, top + 4)]),
                 attributes: "class=\"streak-edge\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"")
        let label = "\(comparison.leaderStreak.length)-session streak"
        let half = ChartStyle.estimatedWidth(label) / 2
        let center = min(max((left + right) / 2, layout.plotLeft + half), ChartStyle.width - half)
        svg.text(label, x: center, y: top - 5, anchor: .middle, attributes: "class=\"streak-label\"")
    }

    func drawAxes(_ layout: RelativePerformanceLayout, into svg: SVGBuilder) {
        let gridYs = layout.ticks.values.filter { $0 != 0 }.map { layout.y($0) }
        svg.path(PathData(horizontalLinesAt: gridYs, from: layout.plotLeft, to: layout.plotRight),
                 attributes: "class=\"grid\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".15\"")
        svg.openGroup("class=\"axis\" fill-opacity=\".75\"")
        for (value, label) in zip(layout.ticks.values, layout.ticks.labels) {
            svg.text(label, x: layout.plotLeft - 5, y: layout.y(value) + 4, anchor: .end)
        }
        let dateTicks = visibleDateTicks(layout)
        for tick in dateTicks {
            svg.text(tick.label, x: tick.x, y: RelativePerformanceLayout.plotBottom + 17, anchor: .middle)
        }
        svg.closeGroup()
        let bottom = RelativePerformanceLayout.plotBottom
        svg.path(PathData(verticalLinesAt: dateTicks.map(\.tickX), from: bottom, to: bottom + 4),
                 attributes: "class=\"axis\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".5\"")
        svg.path(PathData(horizontalLinesAt: [layout.y(0)], from: layout.plotLeft, to: layout.plotRight),
                 attributes: "class=\"zero\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".6\"")
    }

    /// Month ticks whose labels fit inside the chart without touching the previous label.
    func visibleDateTicks(_ layout: RelativePerformanceLayout) -> [(label: String, x: Double, tickX: Double)] {
        var visible: [(label: String, x: Double, tickX: Double)] = []
        var previousRight = -Double.infinity
        for tick in layout.months.ticks {
            let half = ChartStyle.estimatedWidth(tick.label) / 2
            let tickX = layout.x(tick.index)
            let x = min(max(tickX, half), ChartStyle.width - half)
            guard x - half >= previousRight + 6 else { continue }
            visible.append((tick.label, x, tickX))
            previousRight = x + half
        }
        return visible
    }

    func drawLine(_ layout: RelativePerformanceLayout, into svg: SVGBuilder) {
        let coordinates = points.indices.map { (x: layout.x($0), y: layout.y(points[$0].value)) }
        svg.path(PathData(polyline: coordinates),
                 attributes: "class=\"line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"")
        let end = coordinates[coordinates.count - 1], value = points[points.count - 1].value
        svg.circle(x: end.x, y: end.y, radius: 2.5, attributes: ChartStyle.signAttributes(value))
        let labelY = min(max(end.y + 4, RelativePerformanceLayout.plotTop + 8), RelativePerformanceLayout.plotBottom)
        svg.text(layout.endLabel, x: end.x + 6, y: labelY,
                 attributes: ChartStyle.signAttributes(value) + " font-weight=\"600\"")
    }

    // MARK: - Text alternative

    /// "IWM’s return relative to SPY from … to …: +4.2% at the end, ranging from … (…) to … (…)."
    /// Its pieces appended as bytes and made a String once, as the bar chart's are.
    func description(endLabel: String) -> String {
        let first = points[0], last = points[points.count - 1]
        let low = points.min { $0.value < $1.value }!, high = points.max { $0.value < $1.value }!
        var text = ByteBuffer(capacity: 384)
        for piece in [comparison.leader, "’s return relative to ", comparison.benchmark, " from ", NumberStyle.longDate(first.date),
                      " to ", NumberStyle.longDate(last.date), ": ", endLabel, " at the end, ranging from ",
                      NumberStyle.percent(low.value), " (", NumberStyle.longDate(low.date), ") to ", NumberStyle.percent(high.value),
                      " (", NumberStyle.longDate(high.date), ")."] {
            text.append(text: piece)
        }
        if let indices = streakIndices {
            let start = comparison.leaderStreak.start ?? points[indices.lowerBound].date
            for piece in [" ", comparison.leader, " has beaten ", comparison.benchmark, " for ", String(comparison.leaderStreak.length),
                          " sessions in a row, since ", NumberStyle.longDate(start), "."] {
                text.append(text: piece)
            }
        }
        return text.string
    }
}
