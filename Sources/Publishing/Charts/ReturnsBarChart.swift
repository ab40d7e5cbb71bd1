import Analytics
import Newsletter

/// The returns of the note's table as horizontal bars: one group per period, one bar per series,
/// all on one scale around a shared zero line, each bar labelled with its value. Horizontal bars
/// keep symbols and values legible on a phone, where vertical groups would crowd their labels.
struct ReturnsBarChart {
    /// The periods of the note's returns table.
    static let periods: [ReturnPeriod] = [.oneDay, .fiveDays, .monthToDate, .yearToDate, .oneYear]
    static let top = 32.0
    static let rowHeight = 16.0
    static let barHeight = 10.0
    static let groupGap = 9.0
    /// Where symbols start: right of the widest period label ("MTD" in bold).
    static let symbolX = periods.map { ChartStyle.estimatedWidth($0.rawValue, bold: true) }.max()! + 10
    /// Longer symbols are cut so the bars keep their room; the text alternative keeps them whole.
    static let symbolLimit = 10

    struct Group {
        let period: ReturnPeriod
        let entries: [Entry]
    }

    /// One series' return in a period, with its label ("+7.6%", or "n/a" without a value).
    struct Entry {
        let symbol: String
        let value: Double?
        let label: String

        init(symbol: String, value: Double?) {
            self.symbol = symbol
            self.value = value.flatMap { $0.isFinite ? $0 : nil }
            label = self.value.map { NumberStyle.percent($0) } ?? "n/a"
        }
    }

    let facts: NoteFacts
    let id: String
    let title = "Returns by period"

    /// Periods for which at least one series has a value.
    var groups: [Group] {
        Self.periods.map { period in
            Group(period: period, entries: facts.series.map { Entry(symbol: $0.symbol, value: $0.returnValue(period)) })
        }.filter { group in group.entries.contains { $0.value != nil } }
    }

    /// Nil when no series has a return for any of the periods.
    func rendered() -> RenderedChart? {
        let groups = groups
        guard !groups.isEmpty else { return nil }
        let description = description(groups)
        let rows = Double(groups.count * facts.series.count)
        let height = Self.top + rows * Self.rowHeight + Double(groups.count - 1) * Self.groupGap + 6
        let svg = SVGBuilder(id: id, height: height, title: title, description: description)
        svg.text(title, x: 0, y: 15, attributes: ChartStyle.titleAttributes)
        let scale = valueScale(groups)
        drawSeparators(groups.count, into: svg)
        drawLabels(groups, scale: scale, into: svg)
        drawBars(groups, scale: scale, into: svg)
        svg.path(PathData(verticalLinesAt: [scale(0)], from: Self.top - 3, to: height - 3),
                 attributes: "class=\"zero\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".6\"")
        return RenderedChart(id: id, title: title, description: description, svg: svg.finished())
    }

    // MARK: - Layout

    func rowTop(group: Int, row: Int) -> Double {
        Self.top + Double(group) * (Double(facts.series.count) * Self.rowHeight + Self.groupGap) + Double(row) * Self.rowHeight
    }

    func baseline(group: Int, row: Int) -> Double {
        rowTop(group: group, row: row) + Self.rowHeight / 2 + 4
    }

    static func symbolLabel(_ symbol: String) -> String {
        symbol.count <= symbolLimit ? symbol : String(symbol.prefix(symbolLimit - 1)) + "…"
    }

    /// Values onto x, leaving room beside the bars for the widest label on each side of zero.
    /// One pass over the entries: arrays of (value, label) pairs filtered and mapped for each
    /// side cost 18,000 instructions a chart (callgrind).
    func valueScale(_ groups: [Group]) -> LinearScale {
        var low = 0.0, high = 0.0, leftRoom = 0.0, rightRoom = 0.0
        for group in groups {
            for entry in group.entries {
                guard let value = entry.value else { continue }
                let room = ChartStyle.estimatedWidth(entry.label) + 6
                if value < 0 {
                    (low, leftRoom) = (min(low, value), max(leftRoom, room))
                } else {
                    (high, rightRoom) = (max(high, value), max(rightRoom, room))
                }
            }
        }
        let symbolWidth = facts.series.map { ChartStyle.estimatedWidth(Self.symbolLabel($0.symbol)) }.max() ?? 0
        let left = Self.symbolX + symbolWidth + 8 + leftRoom
        return LinearScale(domain: low...high, range: (left, ChartStyle.width - rightRoom))
    }

    // MARK: - Drawing

    /// Faint rules between period groups, so each group reads as a block.
    func drawSeparators(_ count: Int, into svg: SVGBuilder) {
        guard count > 1 else { return }
        let ys = (1..<count).map { rowTop(group: $0, row: 0) - Self.groupGap / 2 }
        svg.path(PathData(horizontalLinesAt: ys, from: 0, to: ChartStyle.width),
                 attributes: "class=\"grid\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".15\"")
    }

    func drawLabels(_ groups: [Group], scale: LinearScale, into svg: SVGBuilder) {
        svg.openGroup("class=\"axis\"")
        for (g, group) in groups.enumerated() {
            svg.text(group.period.rawValue, x: 0, y: baseline(group: g, row: 0), attributes: "font-weight=\"600\"")
            for (r, entry) in group.entries.enumerated() {
                svg.text(Self.symbolLabel(entry.symbol), x: Self.symbolX, y: baseline(group: g, row: r), attributes: "fill-opacity=\".75\"")
                if entry.value == nil {
                    svg.text(entry.label, x: scale(0) + 4, y: baseline(group: g, row: r), attributes: "fill-opacity=\".6\"")
                }
            }
        }
        svg.closeGroup()
    }

    func drawBars(_ groups: [Group], scale: LinearScale, into svg: SVGBuilder) {
        let zero = scale(0)
        for (g, group) in groups.enumerated() {
            for (r, entry) in group.entries.enumerated() {
                guard let value = entry.value else { continue }
                let end = scale(value), y = rowTop(group: g, row: r) + (Self.rowHeight - Self.barHeight) / 2
                let colour = ChartStyle.signAttributes(value)
                svg.rect(left: min(zero, end), top: y, right: max(zero, end), bottom: y + Self.barHeight, attributes: colour)
                svg.text(entry.label, x: value < 0 ? end - 4 : end + 4, y: baseline(group: g, row: r),
                         anchor: value < 0 ? .end : .start, attributes: colour)
            }
        }
    }

    // MARK: - Text alternative

    /// "Returns to January 15, 2026. 1D: IWM +0.8%, SPY −0.2%. 5D: …"
    /// Appended piece by piece as bytes, made a String once: a String's append costs about 340
    /// instructions even with room reserved, and a chart's text alternative is about 60 pieces (a
    /// backfill's: joined Strings of Strings 218 M instructions, one String appended to 161 M,
    /// bytes 66 M; callgrind).
    func description(_ groups: [Group]) -> String {
        var text = ByteBuffer(capacity: 64 + groups.count * facts.series.count * 24)
        text.append("Returns to ")
        text.append(text: NumberStyle.longDate(facts.date))
        text.append(".")
        for group in groups {
            text.append(" ")
            text.append(text: group.period.rawValue)
            text.append(":")
            for (index, entry) in group.entries.enumerated() {
                text.append(index == 0 ? " " : ", ")
                text.append(text: entry.symbol)
                text.append(" ")
                text.append(text: entry.label)
            }
            text.append(".")
        }
        return text.string
    }
}
