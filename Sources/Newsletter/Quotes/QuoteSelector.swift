import MarketData

/// Picks the analyst quotes a note carries: dated within the window before the note (never
/// after it), sharing a topic with the day's statements, the newest first, and among quotes of
/// one date the most relevant. Newest first, because a quote the editor added for today's note
/// was left out for older ones it had already read in the notes before (a helper's review).
public struct QuoteSelector: Sendable {
    public var settings: QuoteSettings

    public init(settings: QuoteSettings) {
        self.settings = settings
    }

    /// `topicWeights` maps a topic to the score of the most notable statement about it.
    public func select(from quotes: [Quote], on date: SessionDate, topicWeights: [String: Double]) -> [Quote] {
        let weights = Dictionary(topicWeights.map { (Self.canonical($0.key), $0.value) }, uniquingKeysWith: max)
        let scored: [(quote: Quote, relevance: Double)] = inWindow(quotes, on: date).compactMap { quote in
            let matches = quote.topics.compactMap { weights[Self.canonical($0)] }
            guard let best = matches.max() else { return nil }
            // The best matching fact counts most; every further matching topic adds a little.
            return (quote, best + 0.1 * Double(matches.count - 1))
        }
        return scored.sorted { lhs, rhs in
            if lhs.quote.date != rhs.quote.date { return lhs.quote.date > rhs.quote.date }
            if lhs.relevance != rhs.relevance { return lhs.relevance > rhs.relevance }
            return lhs.quote.id < rhs.quote.id
        }.prefix(settings.maximum).map(\.quote)
    }

    /// The quotes a note of `date` may carry: dated within the window before it, never after.
    public func inWindow(_ quotes: [Quote], on date: SessionDate) -> [Quote] {
        let earliest = date.adding(days: -settings.windowDays)
        return quotes.filter { $0.date <= date && $0.date >= earliest }
    }

    /// "Small-caps", "small caps" and "SMALL_CAPS" are one topic: the ASCII letters (lowercased)
    /// and digits, on bytes (every note looks up a dozen topics). Text beyond ASCII is lowercased
    /// as Unicode first, where a letter such as the Kelvin sign K becomes an ASCII one.
    public static func canonical(_ topic: String) -> String {
        let lowered = topic.utf8.allSatisfy { $0 < 0x80 } ? topic : topic.lowercased()
        return String(unsafeUninitializedCapacity: lowered.utf8.count) { buffer in
            var count = 0
            for byte in lowered.utf8 {
                guard let kept = canonicalByte(byte) else { continue }
                buffer[count] = kept
                count += 1
            }
            return count
        }
    }

    /// A letter lowercased, a digit as it is, nil for anything else.
    private static func canonicalByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte + 0x20
        case 0x61...0x7A, 0x30...0x39: byte
        default: nil
        }
    }
}
