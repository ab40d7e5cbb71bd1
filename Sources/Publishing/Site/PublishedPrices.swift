import MarketData

/// The prices the site's notes were written from: for each series, month by month through the
/// newest published note, a digest of the rows and the days that have one, kept in
/// `notes/index.json`. The next build computes the same over the data it reads (`PriceCorrection`)
/// and writes again every published note from the first month whose rows were corrected, inserted
/// or removed since, so the site never shows figures its own data no longer gives (a daily build
/// would otherwise write only the new note).
public struct PublishedPrices: Sendable, Codable, Equatable {
    public struct Series: Sendable, Codable, Equatable {
        public var symbol: String
        /// "2025-06 0123456789abcdef 7ffbdf6e": a month, the digest of its rows and the days of
        /// the month that have one (bit 0 for the 1st), in hex, oldest first.
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

    /// "2025-06 0123456789abcdef 07ffbdf6" for each month with rows on or before `last`.
    private static func months(_ prices: PriceSeries, total: Bool, through last: SessionDate) -> [String] {
        var months: [String] = []
        var digest = InputDigest()
        var month = "", days: UInt32 = 0
        // The month changes where a date reaches the next one's first day: one comparison a row.
        var monthStart = Int32.min, nextMonth = Int32.min
        let adjusted = total ? prices.adjustedClose : nil
        for t in 0..<prices.dates.partitioningIndex(where: { $0 > last }) {
            let date = prices.dates[t]
            if date.dayNumber >= nextMonth {
                if !month.isEmpty { months.append(line(month, digest, days)) }
                let day = date.components
                month = String(date.description.prefix(7))
                monthStart = date.dayNumber - Int32(day.day - 1)
                nextMonth = date.startOfNextMonth?.dayNumber ?? .max
                digest = InputDigest()
                days = 0
            }
            days |= 1 << UInt32(date.dayNumber - monthStart)
            digest.add(word: UInt64(bitPattern: Int64(date.dayNumber)))
            digest.add(word: prices.open[t].bitPattern)
            digest.add(word: prices.high[t].bitPattern)
            digest.add(word: prices.low[t].bitPattern)
            digest.add(word: prices.close[t].bitPattern)
            if let adjusted { digest.add(word: adjusted[t].bitPattern) }
        }
        if !month.isEmpty { months.append(line(month, digest, days)) }
        return months
    }

    /// The month, the digest in 16 hex digits and the days in 8, written as bytes: through
    /// `String(_:radix:)` and concatenation a line cost about 4,000 instructions, a tenth of a
    /// daily build's added work.
    private static func line(_ month: String, _ digest: InputDigest, _ days: UInt32) -> String {
        String(unsafeUninitializedCapacity: 33) { buffer in
            var count = 0
            for byte in month.utf8.prefix(7) {
                buffer[count] = byte
                count += 1
            }
            buffer[count] = 0x20
            count += 1
            Hex.writePadded(digest.value, to: buffer, at: &count)
            buffer[count] = 0x20
            count += 1
            Hex.writePadded(days, to: buffer, at: &count)
            return count
        }
    }
}

/// What changed in the prices since the site's notes were written, by comparing what
/// `notes/index.json` recorded (`PublishedPrices`) with the data a build reads.
struct PriceCorrection {
    /// For each series that changed, the first day of its earliest changed month.
    var firstChangeBySymbol: [String: SessionDate]
    /// Days with a row in the data now that had none in any series when the notes were written
    /// (a missing session's row put back).
    var newDays: Set<SessionDate>

    /// The first day of the earliest changed month of any series.
    let first: SessionDate

    /// Nil when nothing changed, or the site recorded no prices (a version that did not).
    init?(_ manifest: SiteManifest, _ inputs: ProjectInputs) {
        guard let recorded = manifest.prices, let newest = manifest.notes.last?.date else { return nil }
        let before = Dictionary(recorded.series.map { ($0.symbol, $0.months) }, uniquingKeysWith: { first, _ in first })
        firstChangeBySymbol = [:]
        var changedLines: [String] = []
        for series in PublishedPrices(inputs, through: newest).series {
            // Most builds find every month as it was: compared in order, without hashing a line.
            guard let earlier = before[series.symbol], earlier != series.months else { continue }
            // A month whose rows changed has a line the other side lacks, as has one only a side has.
            let differing = Set(earlier).symmetricDifference(series.months)
            if let changed = differing.min(), let first = SessionDate(String(changed.prefix(7)) + "-01") {
                firstChangeBySymbol[series.symbol] = first
                changedLines += series.months.filter(differing.contains)
            }
        }
        guard let first = firstChangeBySymbol.values.min() else { return nil }
        self.first = first
        newDays = Self.newDays(changedLines, recorded: before.values.joined())
    }

    /// The days that have a row in the `changed` month lines now and had none in any series'
    /// recorded line for the same month.
    private static func newDays(_ changed: [String], recorded: some Sequence<String>) -> Set<SessionDate> {
        var current: [String: UInt32] = [:], earlier: [String: UInt32] = [:]
        for line in changed { addDays(line, to: &current) }
        for line in recorded where current[String(line.prefix(7))] != nil { addDays(line, to: &earlier) }
        var days: Set<SessionDate> = []
        for (month, mask) in current {
            let added = mask & ~(earlier[month] ?? 0)
            guard added != 0, let start = SessionDate(month + "-01") else { continue }
            for bit in 0..<31 where added & (1 << UInt32(bit)) != 0 { days.insert(start.adding(days: bit)) }
        }
        return days
    }

    /// Adds the days of a month's line ("2025-06 <digest> 7ffbdf6e") to `days`, by month.
    private static func addDays(_ line: String, to days: inout [String: UInt32]) {
        let fields = line.split(separator: " ")
        guard fields.count == 3, let mask = UInt32(fields[2], radix: 16) else { return }
        days[String(fields[0]), default: 0] |= mask
    }
}
