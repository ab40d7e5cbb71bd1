import MarketData

/// The whole project analysed once, forward through history; the facts of any date are then
/// read off the precomputed arrays, so a backfill of every session costs one pass, not N.
public struct HistoryAnalysis: Sendable {
    public let series: [SeriesAnalysis]
    public let comparisons: [ComparisonAnalysis]
    public let macro: [MacroAnalysis]
    public let breadth: [BreadthAnalysis]
    /// The market's trading days, which tell a note that its session follows a closure.
    let calendar: ExchangeCalendar
    /// For each breadth table, the pair whose relative return measures what followed a new lead.
    private let breadthOutcomePairs: [ComparisonAnalysis?]
    /// Every session of any configured series, ascending: the dates a note can be written for.
    public let sessions: [SessionDate]
    /// Dates that returns are also measured from.
    public let referenceDates: [ReferenceDate]

    /// Streaks shorter than this do not get a "what followed" study.
    public static let outcomeThreshold = 3

    /// Series are analysed on `jobs` threads (0: one per core).
    public init(inputs: ProjectInputs, jobs: Int = 0) {
        let config = inputs.config
        // Each series is analysed on its own, so a universe of symbols uses every core.
        let pairs = config.series.compactMap { item in inputs.prices(item.symbol).map { (item, $0) } }
        let series = ParallelMap.map(pairs, jobs: jobs) { item, prices in SeriesAnalysis(config: item, series: prices, calendar: inputs.config.calendar) }
        self.series = series
        func analysis(_ symbol: String) -> SeriesAnalysis? { series.first { $0.symbol == symbol } }
        comparisons = config.comparisons.compactMap { pair in
            guard let leader = analysis(pair.leader), let benchmark = analysis(pair.benchmark) else { return nil }
            return ComparisonAnalysis(leader: leader, benchmark: benchmark)
        }
        macro = config.macro.compactMap { item in inputs.macro[item.id].map { MacroAnalysis(config: item, series: $0) } }
        let breadth = config.breadth.compactMap { item in inputs.breadth[item.id].map { BreadthAnalysis(config: item, table: $0) } }
        self.breadth = breadth
        let comparisons = self.comparisons
        breadthOutcomePairs = breadth.map { table in
            table.config.outcome.flatMap { pair in
                comparisons.first { $0.leader.symbol == pair.leader && $0.benchmark.symbol == pair.benchmark }
                    ?? analysis(pair.leader).flatMap { leader in
                        analysis(pair.benchmark).map { ComparisonAnalysis(leader: leader, benchmark: $0) }
                    }
            }
        }
        sessions = [SessionDate].union(series.map(\.series.dates))
        referenceDates = config.since
        calendar = config.calendar
    }

    public var historyStart: SessionDate? { sessions.first }

    /// The facts of `date`, using only data known on that date.
    public func facts(on date: SessionDate) -> NoteFacts {
        NoteFacts(
            date: date, historyStart: sessions.first ?? date,
            series: series.compactMap { $0.facts(on: date, since: referenceDates) },
            comparisons: comparisons.compactMap { $0.facts(on: date) },
            macro: macro.compactMap { $0.facts(knownOn: date) },
            breadth: breadth.indices.compactMap { breadthFacts($0, on: date) },
            reopenedAfter: calendar.sessionBeforeClosure(endingBefore: date))
    }

    private func breadthFacts(_ index: Int, on date: SessionDate) -> BreadthFacts? {
        let analysis = breadth[index]
        guard let t = analysis.position(knownOn: date) else { return nil }
        var outcomes: SignalOutcomeFacts?
        if analysis.isNewLead(at: t), let comparison = breadthOutcomePairs[index],
           let last = comparison.alignment.position(onOrBefore: date) {
            // A lead known before the pair's prices began has nothing to measure: it is not moved
            // to their first session (it still counts among the earlier leads).
            let firings = analysis.earlierLeadStarts(before: t).compactMap { start -> Int? in
                let known = analysis.knownDate(analysis.table.periods[start])
                guard let first = comparison.alignment.dates.first, known >= first else { return nil }
                return comparison.alignment.position(onOrAfter: known)
            }
            outcomes = comparison.outcomes(signal: "\(analysis.config.id): \(analysis.config.focus) takes the lead",
                                           firings: firings, through: last)
        }
        return analysis.facts(at: t, outcomes: outcomes)
    }
}

extension SeriesAnalysis {
    public func facts(on date: SessionDate, since references: [ReferenceDate] = []) -> SeriesFacts? {
        guard let t = series.index(onOrBefore: date) else { return nil }
        let dates = series.dates
        let years = dates[0].years(until: dates[t])
        let record = Int(recordCloseIndex[t])
        // A file that repeats the close as High and Low gives no range (the S&P 500 before 1962).
        let hasRange = t > 0 && series.high[t] != series.low[t]
        // A file that stops short of the note's session: its last close tells no period of the
        // note's that began after it, and a period that ended with it is not the note's.
        let onNoteSession = dates[t] == date
        return SeriesFacts(
            symbol: symbol, name: config.name, shortName: config.shortName, plural: config.plural, topics: config.topics,
            historyStart: dates[0], sessionDate: dates[t], close: series.close[t],
            returns: ReturnPeriod.allCases.map { period in
                let result = period.isTold(atClose: dates[t], inNoteOf: date) ? periodReturn(period, at: t) : nil
                return PeriodReturn(period: period, value: result?.value, baseDate: result.map { dates[$0.base] })
            },
            dailyMoveRarity: t > 0 ? Rarity(earlierOccurrences: Int(largerEarlierMoves[t]), yearsOfHistory: years) : .common,
            largestMoveSince: previousMoveAtLeast(at: t).map { dates[$0] },
            intradayRange: hasRange ? (series.high[t] - series.low[t]) / series.close[t - 1] : nil,
            intradayLow: hasRange ? series.low[t] / series.close[t - 1] - 1 : nil,
            intradayHigh: hasRange ? series.high[t] / series.close[t - 1] - 1 : nil,
            intradayRecord: RecordFacts(
                isRecord: intradayRecords.length[t] > 0, level: series.high[t], previousRecord: t > 0 ? previousHigh[t] : nil,
                streak: intradayRecords.streakFacts(at: t, dates: dates, years: years, outcomes: recordOutcomes(at: t, closing: false))),
            closingRecord: RecordFacts(
                isRecord: closingRecords.length[t] > 0, level: series.close[t],
                previousRecord: t > 0 ? series.close[Int(recordCloseIndex[t - 1])] : nil,
                // What followed record closes, on a session whose record is told by its close: its
                // high was no record, or the file gives no range to know one (the S&P 500 before 1962).
                streak: closingRecords.streakFacts(at: t, dates: dates, years: years,
                                                   outcomes: intradayRecords.length[t] > 0 && hasRange ? nil : recordOutcomes(at: t, closing: true))),
            yearHigh: yearHigh[t], yearLow: yearLow[t],
            closeHigh: closeExtreme(at: t, high: true), closeLow: closeExtreme(at: t, high: false),
            returnsSince: references.map { reference in
                let result = reference.date < dates[t] ? returnSince(reference.date, at: t) : nil
                return SinceReturn(label: reference.label, date: reference.date, value: result?.value,
                                   baseDate: result.map { dates[$0.base] })
            },
            drawdown: series.close[t] / series.close[record] - 1,
            recordClose: series.close[record], recordCloseDate: dates[record], drawdownEntry: drawdownEntry(at: t),
            bearMarketSince: bearMarketEntry(at: t).map { dates[$0] },
            monthEnd: onNoteSession ? periodEnd(self.months, at: t) : nil,
            quarterEnd: onNoteSession ? periodEnd(self.quarters, at: t) : nil,
            yearEnd: onNoteSession ? periodEnd(self.years, at: t) : nil)
    }
}

extension SeriesAnalysis {
    /// The series' own return after earlier intraday (or `closing`) record runs reached the
    /// current run's length.
    func recordOutcomes(at t: Int, closing: Bool) -> SignalOutcomeFacts? {
        let length = Int((closing ? closingRecords : intradayRecords).length[t])
        guard length >= HistoryAnalysis.outcomeThreshold else { return nil }
        return SignalOutcomes.facts(
            signal: "\(symbol) \(closing ? "closes at a record" : "sets an intraday record") \(length) sessions in a row",
            leader: symbol, benchmark: nil,
            tables: (closing ? closingRecordOutcomeTables : recordOutcomeTables)[length - HistoryAnalysis.outcomeThreshold],
            before: t - length + 1, through: t, dates: series.dates)
    }
}

extension ComparisonAnalysis {
    public func facts(on date: SessionDate) -> ComparisonFacts? {
        guard let k = alignment.position(onOrBefore: date) else { return nil }
        let dates = alignment.dates
        let years = dates[0].years(until: dates[k])
        let a = Int(alignment.leaderIndex[k]), b = Int(alignment.benchmarkIndex[k])
        let length = Int(leaderBeats.length[k])
        let leaderOutcomes = length >= HistoryAnalysis.outcomeThreshold
            ? SignalOutcomes.facts(signal: "\(leader.symbol) beats \(benchmark.symbol) \(length) sessions in a row",
                                   leader: leader.symbol, benchmark: benchmark.symbol,
                                   tables: leaderOutcomeTables[length - HistoryAnalysis.outcomeThreshold],
                                   before: k - length + 1, through: k, dates: dates)
            : nil
        return ComparisonFacts(
            leader: leader.symbol, benchmark: benchmark.symbol, historyStart: dates[0], sessionDate: dates[k],
            leaderStreak: leaderBeats.streakFacts(at: k, dates: dates, years: years, outcomes: leaderOutcomes),
            benchmarkStreak: benchmarkBeats.streakFacts(at: k, dates: dates, years: years, outcomes: nil),
            relativePerformance: relativePerformance(through: k),
            relativeReturns: ReturnPeriod.allCases.map { period in
                // As for a series alone: a period the last common close is not inside is not the note's.
                guard period.isTold(atClose: dates[k], inNoteOf: date) else { return PeriodReturn(period: period, value: nil, baseDate: nil) }
                // 1D and 5D count common sessions, so both returns cover the same days when a file lacks a row.
                if let sessions = period.sessionsCounted {
                    guard k >= sessions else { return PeriodReturn(period: period, value: nil, baseDate: nil) }
                    return PeriodReturn(period: period, value: relativeReturn(from: k - sessions, to: k), baseDate: dates[k - sessions])
                }
                guard let ra = leader.periodReturn(period, at: a), let rb = benchmark.periodReturn(period, at: b) else {
                    return PeriodReturn(period: period, value: nil, baseDate: nil)
                }
                return PeriodReturn(period: period, value: (1 + ra.value) / (1 + rb.value) - 1,
                                    baseDate: max(leader.series.dates[ra.base], benchmark.series.dates[rb.base]))
            })
    }

    /// The leader's return relative to the benchmark over the last year, at each common session:
    /// from each fund's own 1Y base session, as the 1Y relative return measures it, so the line
    /// ends at that figure (the bases differ only when a fund has no session on the other's). The
    /// line starts at the last common session on or before the later base; a younger pair's starts
    /// at its first common session, from which it is measured.
    func relativePerformance(through k: Int) -> [ChartPoint] {
        let dates = alignment.dates
        let a = Int(alignment.leaderIndex[k]), b = Int(alignment.benchmarkIndex[k])
        guard let a0 = leader.bases.base(.oneYear, at: a), let b0 = benchmark.bases.base(.oneYear, at: b),
              let start = alignment.position(onOrBefore: max(leader.series.dates[a0], benchmark.series.dates[b0])) else {
            return (0...k).map { ChartPoint(date: dates[$0], value: relativeReturn(from: 0, to: $0)) }
        }
        return (start...k).map { p in
            ChartPoint(date: dates[p], value: Self.relativeReturn(leader, benchmark, leaderFrom: a0, to: Int(alignment.leaderIndex[p]),
                                                                  benchmarkFrom: b0, to: Int(alignment.benchmarkIndex[p])))
        }
    }

    /// What followed each firing (common-session positions), up to position `last`.
    func outcomes(signal: String, firings: [Int], through last: Int) -> SignalOutcomeFacts {
        SignalOutcomes.facts(signal: signal, leader: leader.symbol, benchmark: benchmark.symbol, firings: firings,
                             through: last, dates: alignment.dates, relativeReturn: relativeReturn(from:to:))
    }
}

extension RunHistory {
    /// The streak at position `t` as facts, dated with `dates`.
    func streakFacts(at t: Int, dates: [SessionDate], years: Double, outcomes: SignalOutcomeFacts?) -> StreakFacts {
        let current = Int(length[t])
        let last = lastEarlierRun(at: t), currentRun = currentRun(at: t), brokenRun = brokenRun(at: t)
        let run = { (run: Run) in
            RunFacts(start: dates[run.start], end: dates[run.end], length: run.length, lengthIsMinimum: lowerBoundFlag(run))
        }
        return StreakFacts(
            length: current, start: currentRun.map { dates[$0.start] }, lengthIsMinimum: lowerBoundFlag(currentRun),
            lastTime: current > 0 ? last.map(run) : nil, openingRun: openingRunPossiblyAsLong(at: t).map(run),
            earlierRunsAtLeast: current > 0 ? Int(earlierRunsAtLeast[t]) : 0,
            brokenLength: brokenRun?.length, brokenLengthIsMinimum: lowerBoundFlag(brokenRun),
            rarity: current > 0 ? Rarity(earlierOccurrences: Int(earlierRunsAtLeast[t]), yearsOfHistory: years) : .common,
            outcomes: outcomes)
    }
}
