/// Quarterly nowcasts of annualised real GDP growth, in tenths of a percent.
struct GDPNowcastSeries: Sendable {
    struct Observation: Sendable {
        let quarter: Quarter
        let tenths: Int
    }

    let observations: [Observation]

    static let fileName = "gdp-nowcast.csv"

    func csv() -> String {
        observations.reduce(into: "date,value\n") { text, row in
            text += "\(row.quarter),\(FixedDecimal.string(row.tenths, decimals: 1))\n"
        }
    }
}
