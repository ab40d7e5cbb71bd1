/// Everything the committed sample consists of, before it is written to disk.
struct SampleDataset: Sendable {
    let calendar: TradingCalendar
    let prices: [PriceSeries]
    let gdpNowcast: GDPNowcastSeries
    let guidance: GuidanceBreadthSeries
}
