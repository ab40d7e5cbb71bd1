import Analytics
import MarketData

/// A number as printed in a note, with the fact it came from.
public struct Figure: Sendable, Hashable, Codable {
    /// Exactly as printed: "+7.6%", "10", "June 2008".
    public var text: String
    /// Where in `facts.json` the raw value lives, e.g. `series.IWM.returns.YTD`.
    public var source: String
    /// The raw value, when the figure is a number.
    public var value: Double?
}

/// Records every figure a note's statements format, so `facts.json` can show where each printed
/// number came from and a test can check that the note states nothing the facts do not hold.
public final class FigureLedger {
    public private(set) var figures: [Figure] = []
    private var seen: Set<Figure>

    /// Room for a busy note's figures (about 75), so the set is not rehashed as it grows (perf:
    /// the rehashing was about 0.6% of a backfill).
    public init() {
        seen = Set(minimumCapacity: 128)
    }

    /// The recorded figures that appear in `texts` (the note as published). A statement formats
    /// every value its phrases might use, and the wording chosen, or a headline that did not make
    /// the title, may leave some out: those are not figures of the note.
    public func printed(in texts: [String]) -> [Figure] {
        figures.filter { figure in
            if texts.contains(where: { PrintedText.contains($0, figure.text) }) { return true }
            let escaped = MarkdownEscaping.text(figure.text)
            return escaped != figure.text && texts.contains { PrintedText.contains($0, escaped) }
        }
    }

    @discardableResult
    func record(_ text: String, _ source: String, _ value: Double?) -> String {
        let figure = Figure(text: text, source: source, value: value)
        if seen.insert(figure).inserted { figures.append(figure) }
        return text
    }

    @discardableResult
    public func percent(_ fraction: Double, _ source: String, signed: Bool = true, decimals: Int = 1) -> String {
        record(NumberStyle.percent(fraction, decimals: decimals, signed: signed), source, fraction)
    }

    /// A return told as a gain or a loss ("beat SPY by 0.04%"): one that rounds to zero at one
    /// decimal gets a second, so that a sentence never says "beat by 0.0%".
    @discardableResult
    public func directedPercent(_ fraction: Double, _ source: String, signed: Bool) -> String {
        percent(fraction, source, signed: signed, decimals: fraction != 0 && NumberStyle.percentIsZero(fraction) ? 2 : 1)
    }

    @discardableResult
    public func rate(_ value: Double, unit: String, _ source: String) -> String {
        record(NumberStyle.rate(value, unit: unit), source, value)
    }

    @discardableResult
    public func price(_ value: Double, _ source: String) -> String {
        record(NumberStyle.price(value), source, value)
    }

    @discardableResult
    public func count(_ value: Int, _ source: String) -> String {
        record(String(value), source, Double(value))
    }

    /// A count told in prose: "three", "12".
    @discardableResult
    public func proseCount(_ value: Int, _ source: String) -> String {
        record(NumberStyle.proseCount(value), source, Double(value))
    }

    /// A horizon of `sessions` in months ("three months"; `NumberStyle.horizon`), and its span.
    public func horizon(sessions: Int, _ source: String) -> (horizon: String, span: String) {
        let words = NumberStyle.horizon(sessions: sessions)
        record(words.horizon, source, Double(sessions))
        record(words.span, source, Double(sessions))
        return words
    }

    @discardableResult
    public func ordinal(_ value: Int, _ source: String) -> String {
        record(NumberStyle.proseOrdinal(value), source, Double(value))
    }

    @discardableResult
    public func date(_ date: SessionDate, _ source: String, style: (SessionDate) -> String = NumberStyle.longDate) -> String {
        record(style(date), source, nil)
    }

    @discardableResult
    public func period(_ period: ObservationPeriod, _ source: String, short: Bool = false) -> String {
        record(short ? NumberStyle.shortPeriod(period) : NumberStyle.period(period), source, nil)
    }
}

/// Finds a figure in published text as a whole number or phrase: "5" is not in "10.5", "1st" is
/// not in "21st", "10%" is not in "110%".
enum PrintedText {
    static func contains(_ text: String, _ figure: String) -> Bool {
        ByteSearch.contains(figure, in: text) { bytes, match in
            isBoundary(bytes, before: match.lowerBound) && isBoundary(bytes, after: match.upperBound)
        }
    }

    /// No letter or digit, and no decimal point or comma of a number, touches the match.
    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        if previous.isASCIIAlphanumeric { return false }
        return !((previous == 0x2E || previous == 0x2C) && index > 1 && bytes[index - 2].isASCIIDigit)
    }

    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        guard index < bytes.count else { return true }
        let next = bytes[index]
        if next.isASCIIAlphanumeric { return false }
        return !((next == 0x2E || next == 0x2C) && index + 1 < bytes.count && bytes[index + 1].isASCIIDigit)
    }
}
