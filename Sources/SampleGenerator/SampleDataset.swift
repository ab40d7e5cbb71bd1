/// Everything the committed sample consists of, before it is written to disk.
struct SampleDataset: Sendable {
    let calendar: TradingCalendar
    let prices: [InstrumentBars]
    let gdpNowcast: GDPNowcastSeries
    let guidance: GuidanceBreadthSeries
}
