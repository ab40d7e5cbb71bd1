import Analytics
import MarketData

/// Year-to-date performance side by side, and how far each leader is ahead of its benchmark.
enum PerformanceStatements {
    /// Below this magnitude the gap between a leader's and its benchmark's year to date is not told.
    static let minimumGap = 0.005

    static func make(_ context: NarrativeContext) -> [Statement] {
        let figures = context.figures
        // At a year's end, the year's sentence tells a series' return.
        let endsItsYear = { (symbol: String) in
            context.facts.series(symbol).map { $0.sessionDate == context.facts.date && $0.yearEnd != nil } ?? false
        }
        // On a year's first session the year to date is the day's move, told already.
        let isTheDay = { (symbol: String) in context.facts.series(symbol).map(yearToDateIsTheDay) ?? false }
        let items: [String] = context.facts.series.compactMap { series in
            guard let ytd = series.returnValue(.yearToDate), !endsItsYear(series.symbol), !yearToDateIsTheDay(series) else { return nil }
            let source = "series.\(series.symbol).returns.YTD"
            let values = ["magnitude": figures.percent(abs(ytd), source, signed: false), "value": figures.percent(ytd, source),
                          "asOf": context.asOf(series)]
            // Little changed as a day, month or year is, when it prints as 0.0% (an audit: "BBB is
            // flat (−0.2%)" in the note of November 30 and "BBB fell 0.2%" in the year's last).
            return context.phrases.render(MoveStatements.key(ytd, prefix: "returns"), values, names: context.names(series).escaped,
                                          variant: context.variant)
        }
        var sentences = items.isEmpty ? [] : [context.sentence("returns.sentence", markdown: ["list": NarrativeContext.list(items)])]
        // The gap is measured to the pair's last common session: when a file stops short, that is
        // not the session of the returns just printed, and the three figures would not agree.
        for comparison in context.facts.comparisons where comparison.sessionDate == context.facts.date {
            guard let gap = comparison.relativeReturns.first(where: { $0.period == .yearToDate })?.value,
                  abs(gap) >= minimumGap, !isTheDay(comparison.leader) || !isTheDay(comparison.benchmark) else { continue }
            // "That puts …" follows the year-to-date list; at the year's end the gap stands alone.
            let yearEnd = endsItsYear(comparison.leader) || endsItsYear(comparison.benchmark)
            sentences.append(context.sentence(yearEnd ? "returns.yearGap" : "returns.gap", [
                "leader": comparison.leader, "benchmark": comparison.benchmark,
                "year": yearEnd ? figures.date(context.facts.date, "date", style: { String($0.year) }) : "",
                "magnitude": figures.percent(abs(gap), "comparisons.\(comparison.leader)-\(comparison.benchmark).relativeReturns.YTD", signed: false),
                "direction": gap > 0 ? "ahead of" : "behind",
            ]))
        }
        guard !sentences.isEmpty else { return [] }
        let topics = context.facts.series.flatMap(\.topics) + [StatementTopic.performance]
        return [Statement(.performance, score: -1, topics: topics, sentences: sentences, headline: nil)]
    }

    /// True when the year to date starts where the day's move does: the year's first session.
    static func yearToDateIsTheDay(_ series: SeriesFacts) -> Bool {
        series.returnBase(.yearToDate).map { $0 == series.returnBase(.oneDay) } ?? false
    }
}

extension String {
    /// Undoes Markdown backslash escapes, for the plain-text form of a sentence built from escaped parts.
    ///
    /// Works on UTF-8 bytes (a backslash is one byte and never part of another character): by
    /// `Character`, this was 2% of a backfill (perf).
    func replacingBackslashEscapes() -> String {
        guard ByteSearch.contains(byte: 0x5C, in: self) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var escaped = false
        for byte in utf8 {
            if !escaped && byte == 0x5C {
                escaped = true
                continue
            }
            escaped = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
