/// One instrument's finished daily bars, ready to write as `SYMBOL.csv`.
struct InstrumentBars: Sendable {
    let profile: InstrumentProfile
    let bars: [DailyBar]

    var fileName: String { "\(profile.symbol).csv" }
}
