import MarketData

/// The prices the site's notes were written from: a digest of each series' rows, month by month,
/// through the newest published note, kept in `notes/index.json`. The next build computes the
/// same over the data it reads and writes again every published note from the first month whose
/// rows were corrected, inserted or removed since, so the site never shows figures its own data
/// no longer gives (a daily build would otherwise write only the new note).
public struct PublishedPrices: Sendable, Codable, Equatable {
    public struct Series: Sendable, Codable, Equatable {
        public var symbol: String
        /// "2025-06 0123456789abcdef": a month and the digest of its rows, oldest first.
        public var months: [String]
    }

    public var series: [Series]

    public init(series: [Series]) { self.series = series }

    /// The digests of `inputs`' price rows dated on or before `last`: each row's date, Open,
    /// High, Low and Close, and its Adj Close for a series whose returns use it.
    public init(_ inputs: ProjectInputs, through last: SessionDate) {
        series = inputs.config.series.compactMap { config in
            inputs.prices(config.symbol).map { prices in
                Series(symbol: config.symbol, months: Self.months(prices, total: config.returns == .total, through: last))
            }
        }
    }

    /// The first day of the earliest month whose rows differ from what `published` recorded, for
    /// the series both name; nil when none does.
    public func firstChange(since published: PublishedPrices) -> SessionDate? {
        let recorded = Dictionary(published.series.map { ($0.symbol, $0.months) }, uniquingKeysWith: { first, _ in first })
        let changed = series.compactMap { series -> String? in
            guard let before = recorded[series.symbol] else { return nil }
            // A month whose rows changed has a digest the other side lacks, as has one only a side has.
            return Set(before).symmetricDifference(series.months).min()
        }
        return changed.min().flatMap { SessionDate(String($0.prefix(7)) + "-01") }
    }

    /// "2025-06 0123456789abcdef" for each month with rows on or before `last`.
    private static func months(_ prices: PriceSeries, total: Bool, through last: SessionDate) -> [String] {
        var months: [String] = []
        var digest = InputDigest()
        var month = ""
        // The month changes where a date reaches the next one's first day: one comparison a row.
        var nextMonth = Int32.min
        let adjusted = total ? prices.adjustedClose : nil
        for t in prices.dates.indices where prices.dates[t] <= last {
            let date = prices.dates[t]
            if date.dayNumber >= nextMonth {
                if !month.isEmpty { months.append(month + " " + String(digest.value, radix: 16)) }
                let day = date.components
                month = String(date.description.prefix(7))
                let next = day.month == 12 ? SessionDate(year: day.year + 1, month: 1, day: 1)
                    : SessionDate(year: day.year, month: day.month + 1, day: 1)
                nextMonth = next?.dayNumber ?? .max
                digest = InputDigest()
            }
            digest.add(word: UInt64(bitPattern: Int64(date.dayNumber)))
            digest.add(word: prices.open[t].bitPattern)
            digest.add(word: prices.high[t].bitPattern)
            digest.add(word: prices.low[t].bitPattern)
            digest.add(word: prices.close[t].bitPattern)
            if let adjusted { digest.add(word: adjusted[t].bitPattern) }
        }
        if !month.isEmpty { months.append(month + " " + String(digest.value, radix: 16)) }
        return months
    }
}

extension SiteManifest {
    /// The first day of the earliest month whose price rows were corrected, inserted or removed
    /// since the notes were written; nil when none was, or the site recorded no prices.
    func firstPriceCorrection(_ inputs: ProjectInputs) -> SessionDate? {
        guard let prices, let newest = notes.last?.date else { return nil }
        return PublishedPrices(inputs, through: newest).firstChange(since: prices)
    }
}
