import MarketData

/// When a series is in a bear market: from the session that entered it (the first close 20% below
/// the record, `DrawdownEntries`) until the first close 20% above the lowest close since; a later
/// close below that low, before a new record, resumes it, still dated from the same entry. An
/// ended bear market stays ended: a close back below the 20% line is bear-market territory by its
/// distance, and a rebound from there within 20% of the record is a correction, not "still in
/// the bear market it entered" months before.
struct BearMarkets: Sendable {
    /// A stretch of sessions `from..<to` in the bear market entered at `entry`.
    struct Span: Sendable, Equatable {
        let entry: Int
        let from: Int
        let to: Int
    }

    /// Ascending and disjoint.
    let spans: [Span]

    init(closes: [Double], entries: [Int], recordIndex: [Int32]) {
        var spans: [Span] = []
        for entry in entries {
            var low = closes[entry], from = entry, isOn = true
            var t = entry + 1
            while t < closes.count, recordIndex[t] == recordIndex[entry] {
                let close = closes[t]
                if isOn, DrawdownYardstick.hasRecovered(to: close, from: low) {
                    spans.append(Span(entry: entry, from: from, to: t))
                    isOn = false
                } else if !isOn, close < low {
                    (from, isOn) = (t, true)
                }
                low = min(low, close)
                t += 1
            }
            if isOn { spans.append(Span(entry: entry, from: from, to: t)) }
        }
        self.spans = spans
    }

    /// The session that entered the bear market `t` is in, if it is in one.
    func entry(at t: Int) -> Int? {
        let index = spans.partitioningIndex { $0.from > t }
        guard index > 0, t < spans[index - 1].to else { return nil }
        return spans[index - 1].entry
    }
}
