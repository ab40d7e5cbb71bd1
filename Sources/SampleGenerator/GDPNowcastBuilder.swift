/// Synthetic GDP nowcasts: a business-cycle profile plus persistent noise, with the story's key quarters pinned.
struct GDPNowcastBuilder {
    /// Typical growth (%) through the cycle; quarters in between are interpolated.
    private let cycle: KeyValuePairs<String, Double> = [
        "2000Q1": 3.5, "2000Q4": 1.5, "2002Q1": 2.2, "2003Q1": 2.5, "2004Q1": 3.6,
        "2005Q4": 3.0, "2007Q1": 2.2, "2008Q1": 0.0, "2009Q4": 3.0, "2010Q4": 2.6,
        "2011Q4": 1.8, "2013Q4": 2.4, "2015Q1": 2.5, "2016Q2": 1.6, "2018Q2": 3.0,
        "2019Q4": 2.2, "2022Q1": -0.5, "2022Q4": 2.8, "2023Q3": 3.5, "2024Q4": 2.6,
        "2025Q1": -0.4, "2025Q3": 3.5,
    ]

    /// Persistence and size (%) of the quarter-to-quarter noise around the cycle.
    private let noisePersistence = 0.35
    private let noiseScale = 1.0

    /// Early boom quarters that may exceed the threshold (before the story's 2006Q1 marker).
    private let boomPins: [Quarter: Int] = [Quarter("2000Q2"): 73, Quarter("2003Q3"): 69]

    func build(random: inout RandomStream) -> GDPNowcastSeries {
        let profile = PiecewiseLinear(cycle.map { PiecewiseLinear.Knot(x: Double(Quarter($0.key).ordinal), y: $0.value) })
        var noise = 0.0
        let quarters = Quarter.range(from: SampleConstraints.gdpQuarters.lowerBound, through: SampleConstraints.gdpQuarters.upperBound)
        let observations = quarters.map { quarter in
            noise = noisePersistence * noise + noiseScale * random.normal()
            let drawn = profile.value(at: Double(quarter.ordinal)) + noise
            return GDPNowcastSeries.Observation(quarter: quarter, tenths: constrained(quarter, drawn, random: &random))
        }
        return GDPNowcastSeries(observations: observations)
    }

    /// Applies pins, then keeps capped quarters clearly below the threshold.
    private func constrained(_ quarter: Quarter, _ drawn: Double, random: inout RandomStream) -> Int {
        if let pinned = SampleConstraints.gdpPins[quarter] ?? boomPins[quarter] { return pinned }
        let cap = SampleConstraints.gdpThreshold - 0.4
        let value = SampleConstraints.gdpMustStayBelowThreshold(quarter) && drawn > cap
            ? cap - random.uniform(in: 0...1.2)
            : drawn
        return FixedDecimal.scaled(value, decimals: 1)
    }
}
