/// Monthly share (%) of small-, mid- and large-cap companies raising guidance, in tenths of a percent.
struct GuidanceBreadthSeries: Sendable {
    struct Observation: Sendable {
        let month: YearMonth
        let small: Int
        let mid: Int
        let large: Int

        var smallLeads: Bool { small > mid && small > large }
    }

    let observations: [Observation]

    static let fileName = "guidance.csv"

    /// Months where small caps start leading: a lead month whose previous month was not one.
    var firingMonths: [YearMonth] {
        let leads = Set(observations.filter(\.smallLeads).map(\.month))
        return observations.map(\.month).filter { leads.contains($0) && !leads.contains($0.previous) }
    }

    func csv() -> String {
        observations.reduce(into: "date,small,mid,large\n") { text, row in
            let values = [row.small, row.mid, row.large].map { FixedDecimal.string($0, decimals: 1) }
            text += "\(row.month),\(values.joined(separator: ","))\n"
        }
    }
}
