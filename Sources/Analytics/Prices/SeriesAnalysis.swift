import MarketData

/// Everything computed from one price series, for all sessions at once. A class: built once and
/// read for every note, it is passed on with one retain, where the struct's thirty arrays were
/// each retained and released at every copy (a copy for each series of each note's facts).
public final class SeriesAnalysis: Sendable {
    public let config: SeriesConfig
    public let series: PriceSeries
    /// Closes used for returns (adjusted when the config asks for total return).
    public let closes: [Double]
    public let bases: ReturnBases
    /// Intraday records: High_t above every earlier High.
    public let intradayRecords: RunHistory
    /// What followed intraday record runs reaching each length from `HistoryAnalysis.outcomeThreshold`
    /// (index L − threshold), one table per horizon: the series' own return.
    public let recordOutcomeTables: [[OutcomeTable]]
    /// Closing records: Close_t above every earlier Close.
    public let closingRecords: RunHistory
    /// The same as `recordOutcomeTables` for runs of closing records.
    public let closingRecordOutcomeTables: [[OutcomeTable]]
    /// The highest High before each session (−∞ before the first).
    public let previousHigh: [Double]
    /// Index of the highest close up to and including each session.
    public let recordCloseIndex: [Int32]
    /// Whether High_t exceeds every High of the previous 52 weeks (and Low_t undercuts every Low).
    public let yearHigh: [Bool]
    public let yearLow: [Bool]
    /// Per session: earlier sessions whose absolute daily move was at least as large.
    public let largerEarlierMoves: [Int32]
    /// Daily returns (nil for the first session), and searches for earlier moves at least as large.
    public let dailyReturns: [Double?]
    /// Per session: the latest earlier session with a gain (loss) at least as large, or -1.
    private let previousGain: [Int32]
    private let previousLoss: [Int32]
    /// Per session: the latest earlier session with a close at least as high (low), or -1.
    private let previousHighClose: [Int32]
    private let previousLowClose: [Int32]
    /// Per session: earlier sessions whose close reached at least as far back to find a higher (lower) close.
    private let earlierHighReach: [Int32]
    private let earlierLowReach: [Int32]
    /// The sessions that entered a bear market (20% below the record close), then a correction (10%).
    let drawdownEntries: [DrawdownEntries]
    let bearMarkets: BearMarkets
    /// The series' months, quarters and years with their returns, for "its worst month since".
    let months: CalendarPeriodIndex
    let quarters: CalendarPeriodIndex
    let years: CalendarPeriodIndex
    /// The market's trading days, which tell a note that its session ends a month.
    public let calendar: ExchangeCalendar

    public init(config: SeriesConfig, series: PriceSeries, calendar: ExchangeCalendar = .nyse) {
        self.config = config
        self.series = series
        self.calendar = calendar
        let closes = series.returnBasis(config.returns)
        self.closes = closes
        let yearEarlier = series.dates.map { $0.sameDay(yearsEarlier: 1) }
        bases = ReturnBases(dates: series.dates, yearEarlier: yearEarlier)
        let (previousHigh, intraday) = Self.records(series.high)
        self.previousHigh = previousHigh
        // The first session is never a record, so a run that starts on the second may have begun before the data.
        intradayRecords = RunHistory(intraday, judgedFrom: 1)
        recordOutcomeTables = Self.outcomeTables(intradayRecords, closes: closes)
        closingRecords = RunHistory(Self.records(series.close).flags, judgedFrom: 1)
        closingRecordOutcomeTables = Self.outcomeTables(closingRecords, closes: closes)
        let recordCloseIndex = Self.runningMaximumIndex(series.close)
        self.recordCloseIndex = recordCloseIndex
        drawdownEntries = [DrawdownYardstick.bearMarket, .correction].map { DrawdownEntries(closes: series.close, recordIndex: recordCloseIndex, yardstick: $0) }
        bearMarkets = BearMarkets(closes: series.close, entries: drawdownEntries[0].sessions, recordIndex: recordCloseIndex)
        yearHigh = WindowExtreme.exceeds(series.high, dates: series.dates, yearEarlier: yearEarlier, above: true)
        yearLow = WindowExtreme.exceeds(series.low, dates: series.dates, yearEarlier: yearEarlier, above: false)
        let returns: [Double?] = closes.indices.map { t in t == 0 ? nil : closes[t] / closes[t - 1] - 1 }
        dailyReturns = returns
        largerEarlierMoves = EarlierCountIndex(returns.map { $0.map(abs) }).atLeast
        previousGain = PreviousAtLeast.indices(returns)
        previousLoss = PreviousAtLeast.indices(returns.map { $0.map { -$0 } })
        let highs = PreviousAtLeast.indices(series.close)
        let lows = PreviousAtLeast.indices(series.close.map { -$0 })
        previousHighClose = highs
        previousLowClose = lows
        earlierHighReach = EarlierCountIndex(integers: highs.indices.map { $0 - Int(highs[$0]) }).atLeast
        earlierLowReach = EarlierCountIndex(integers: lows.indices.map { $0 - Int(lows[$0]) }).atLeast
        months = CalendarPeriodIndex(.monthToDate, count: closes.count, bases: bases, closes: closes)
        quarters = CalendarPeriodIndex(.quarterToDate, count: closes.count, bases: bases, closes: closes)
        years = CalendarPeriodIndex(.yearToDate, count: closes.count, bases: bases, closes: closes)
    }

    public var symbol: String { series.symbol }

    /// Return of `period` ending at session `t`, with its base session.
    public func periodReturn(_ period: ReturnPeriod, at t: Int) -> (value: Double, base: Int)? {
        guard let base = bases.base(period, at: t) else { return nil }
        return (closes[t] / closes[base] - 1, base)
    }

    /// The latest earlier session with a daily move at least as large in the same direction
    /// (nil when none: the largest in the data).
    public func previousMoveAtLeast(at t: Int) -> Int? {
        guard let move = dailyReturns[t] else { return nil }
        let previous = move >= 0 ? previousGain[t] : previousLoss[t]
        return previous >= 0 ? Int(previous) : nil
    }

    /// "Highest close since": the latest earlier session whose close was at least as high (or, for
    /// `high == false`, at least as low), with how unusual such a reach back is.
    public func closeExtreme(at t: Int, high: Bool) -> PriceExtremeFacts {
        let previous = (high ? previousHighClose : previousLowClose)[t]
        let since = previous >= 0 ? Int(previous) : nil
        let years = series.dates[0].years(until: series.dates[t])
        return PriceExtremeFacts(
            since: since.map { series.dates[$0] }, sinceClose: since.map { series.close[$0] },
            sessionsSince: t - (since ?? -1),
            rarity: Rarity(earlierOccurrences: Int((high ? earlierHighReach : earlierLowReach)[t]), yearsOfHistory: years))
    }

    /// The session that entered the bear market `t` is in (`BearMarkets`), if any.
    public func bearMarketEntry(at t: Int) -> Int? {
        bearMarkets.entry(at: t)
    }

    /// Whether session `t` entered a bear market or, failing that, a correction, with how rare
    /// such an entry is and when the last one came.
    public func drawdownEntry(at t: Int) -> DrawdownEntryFacts? {
        for entries in drawdownEntries {
            guard let entry = entries.entry(at: t) else { continue }
            return DrawdownEntryFacts(
                threshold: entries.yardstick.rawValue, previous: entry.previous.map { series.dates[$0] },
                rarity: Rarity(earlierOccurrences: entry.earlier, yearsOfHistory: series.dates[0].years(until: series.dates[t])))
        }
        return nil
    }

    /// Return from the last session on or before `date` to session `t`.
    public func returnSince(_ date: SessionDate, at t: Int) -> (value: Double, base: Int)? {
        guard let base = series.index(onOrBefore: date), base < t else { return nil }
        return (closes[t] / closes[base] - 1, base)
    }

    /// What followed runs of `records` reaching each length from `HistoryAnalysis.outcomeThreshold`:
    /// the series' own return, one table per horizon.
    static func outcomeTables(_ records: RunHistory, closes: [Double]) -> [[OutcomeTable]] {
        records.firingsByLength(from: HistoryAnalysis.outcomeThreshold).map { firings in
            SignalOutcomes.tables(firings: firings, through: closes.count - 1) { start, end in closes[end] / closes[start] - 1 }
        }
    }

    /// Running maximum before each position, and whether each position set a new one.
    /// The first session has nothing before it and is not a record.
    static func records(_ values: [Double]) -> (previousMaximum: [Double], flags: [Bool]) {
        var maximum = -Double.infinity
        var previous = [Double](repeating: 0, count: values.count)
        var flags = [Bool](repeating: false, count: values.count)
        for (t, value) in values.enumerated() {
            previous[t] = maximum
            flags[t] = t > 0 && value > maximum
            maximum = max(maximum, value)
        }
        return (previous, flags)
    }

    static func runningMaximumIndex(_ values: [Double]) -> [Int32] {
        var best = 0
        return values.indices.map { t in
            if values[t] > values[best] { best = t }
            return Int32(best)
        }
    }
}

/// Sliding 52-week extremes with a monotonic deque: O(N) for the whole history.
enum WindowExtreme {
    /// Whether each value beats every value of the sessions in the year before it (strictly).
    /// A session with less than a year of history before it is not counted.
    static func exceeds(_ values: [Double], dates: [SessionDate], yearEarlier: [SessionDate], above: Bool) -> [Bool] {
        var result = [Bool](repeating: false, count: values.count)
        var deque: [Int] = []
        var head = 0
        guard let first = dates.first else { return result }
        for t in values.indices {
            let windowStart = yearEarlier[t]
            while head < deque.count && dates[deque[head]] <= windowStart { head += 1 }
            if head < deque.count, windowStart >= first {
                let best = values[deque[head]]
                result[t] = above ? values[t] > best : values[t] < best
            }
            while deque.count > head && (above ? values[deque[deque.count - 1]] <= values[t] : values[deque[deque.count - 1]] >= values[t]) {
                deque.removeLast()
            }
            deque.append(t)
        }
        return result
    }
}
