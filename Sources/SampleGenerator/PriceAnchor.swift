/// A plausible closing level at a key date that a synthetic path is bridged through.
struct PriceAnchor: Sendable {
    let date: CalendarDate
    let close: Double

    /// Anchors keyed by ISO date literals, in date order.
    static func table(_ entries: KeyValuePairs<String, Double>) -> [PriceAnchor] {
        entries.map { PriceAnchor(date: CalendarDate($0.key), close: $0.value) }
    }
}
