/// Assembles the constrained sample: bridged correlated paths, shaped relative strength, the 2026 window, bars and macro series.
struct SampleBuilder {
    /// Every seed satisfies the constraints; this one was picked for the most natural-looking year end.
    static let defaultSeed: UInt64 = 9

    let seed: UInt64
    let calendar = TradingCalendar(from: SampleConstraints.firstSession, through: SampleConstraints.lastSession)

    init(seed: UInt64 = defaultSeed) {
        self.seed = seed
    }

    func build() throws -> SampleDataset {
        var random = stream(.marketShocks)
        let shocks = MarketShocks(calendar: calendar, schedule: .usMarket, random: &random)
        random = stream(.guidance)
        let guidance = GuidanceBreadthBuilder().build(random: &random)
        random = stream(.gdpNowcast)
        let gdpNowcast = GDPNowcastBuilder().build(random: &random)
        let paths = try shapedPaths(shocks: shocks, firings: earlierFirings(guidance))
        let prices = try InstrumentCatalog.all.map { profile in
            guard let path = paths[profile.symbol] else {
                throw SampleGenerationError(description: "no price path for \(profile.symbol)")
            }
            return try instrumentBars(profile, path: path, shocks: shocks)
        }
        return SampleDataset(calendar: calendar, prices: prices, gdpNowcast: gdpNowcast, guidance: guidance)
    }

    // MARK: Paths

    private func shapedPaths(shocks: MarketShocks, firings: [Int]) throws -> [String: LogPath] {
        let builder = PricePathBuilder(calendar: calendar, shocks: shocks)
        var spy = bridgedPath(InstrumentCatalog.spy, builder: builder)
        var iwm = bridgedPath(InstrumentCatalog.iwm, builder: builder)
        var mags = bridgedPath(InstrumentCatalog.mags, builder: builder)
        let yearEnd = try index(of: SampleConstraints.yearEnd)
        YearEndCeiling(yearEnd: yearEnd, headroom: SampleConstraints.yearEndHeadroom).apply(to: &iwm)
        iwm.returns = try relativeStrength(of: iwm, against: spy, through: yearEnd, firings: firings)
        var finalWindow = FinalWindowShaper(window: try finalWindow(after: yearEnd), random: stream(.finalWindow))
        try finalWindow.apply(spy: &spy, iwm: &iwm, mags: &mags)
        return [InstrumentCatalog.spy.symbol: spy, InstrumentCatalog.iwm.symbol: iwm, InstrumentCatalog.mags.symbol: mags]
    }

    private func bridgedPath(_ profile: InstrumentProfile, builder: PricePathBuilder) -> LogPath {
        var random = stream(profile.pathStream)
        return builder.path(for: profile, random: &random)
    }

    /// IWM's returns after planting and breaking outperformance runs and topping up follow-through.
    private func relativeStrength(of iwm: LogPath, against spy: LogPath, through yearEnd: Int, firings: [Int]) throws -> [Double] {
        var shaper = RelativeStrengthShaper(spy: spy, iwm: iwm, lastIndex: yearEnd, random: stream(.relativeStrength))
        shaper.shape(plantedRuns: try plantedRuns(), forcedLosses: [yearEnd], firings: firings)
        return shaper.iwm
    }

    private func plantedRuns() throws -> [ClosedRange<Int>] {
        try SampleConstraints.plantedRuns.map { run in
            let start = try index(of: run.start)
            return start...(start + run.length - 1)
        }
    }

    private func finalWindow(after yearEnd: Int) throws -> ClosedRange<Int> {
        let window = (yearEnd + 1)...(calendar.count - 1)
        guard window.count == SampleConstraints.finalStreakLength else {
            throw SampleGenerationError(description: "expected \(SampleConstraints.finalStreakLength) sessions after the year end, found \(window.count)")
        }
        return window
    }

    /// First session of each month where small caps start leading, before the latest one.
    private func earlierFirings(_ guidance: GuidanceBreadthSeries) -> [Int] {
        let latest = YearMonth(SampleConstraints.lastSession)
        return guidance.firingMonths.filter { $0 < latest }.compactMap { calendar.firstIndex(onOrAfter: $0.firstDay) }
    }

    // MARK: Bars

    private func instrumentBars(_ profile: InstrumentProfile, path: LogPath, shocks: MarketShocks) throws -> InstrumentBars {
        var random = stream(profile.barStream)
        let volatility = shocks.sigma.map { $0 * profile.volatilityMultiple }
        let range = path.startIndex..<calendar.count
        var bars = BarBuilder(calendar: calendar).bars(closes: path.closes(), volatility: volatility, range: range, random: &random)
        profile.volume.apply(to: &bars, returns: path.returns, volatility: volatility, random: &random)
        if profile.symbol == SampleConstraints.leaderSymbol {
            let streakStart = bars.count - SampleConstraints.finalStreakLength
            var records = RecordHighShaper(streakStart: streakStart, random: stream(.recordHighs))
            try records.apply(to: &bars)
        }
        profile.dividends.apply(to: &bars, calendar: calendar)
        return InstrumentBars(profile: profile, bars: bars)
    }

    // MARK: Helpers

    private func index(of date: CalendarDate) throws -> Int {
        guard let index = calendar.index(of: date) else {
            throw SampleGenerationError(description: "\(date) is not an NYSE session")
        }
        return index
    }

    private func stream(_ id: StreamID) -> RandomStream {
        RandomStream(seed: seed, stream: id)
    }
}
