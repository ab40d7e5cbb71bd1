/// Maps values of a domain linearly onto a range of SVG coordinates (the range may run backwards,
/// as the y axis does).
struct LinearScale {
    let domain: ClosedRange<Double>
    let range: (start: Double, end: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return range.start }
        return range.start + (value - domain.lowerBound) / span * (range.end - range.start)
    }
}
