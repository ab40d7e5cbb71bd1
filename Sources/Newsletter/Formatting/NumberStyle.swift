import Foundation
import Analytics
import MarketData

/// How numbers and dates read in a note: `+7.6%`, `−0.4%`, `June 2008`, `the second quarter of 2014`.
///
/// Losses carry a real minus sign (U+2212) so that gains and losses differ in text, not only in colour.
public enum NumberStyle {
    public static let minus = minusSign.description
    /// U+2212, as a literal the number writers copy.
    static let minusSign: StaticString = "\u{2212}"

    /// A fraction as a percentage: 0.0761 → "+7.6%" (signed) or "7.6%". Sign, digits and "%"
    /// written as one String: joined, they were three Strings for each of a backfill's 236,000
    /// percentages (callgrind).
    public static func percent(_ fraction: Double, decimals: Int = 1, signed: Bool = true) -> String {
        guard let units = DecimalRounding.units(abs(fraction) * 100, decimals: decimals) else {
            let text = fixed(abs(fraction) * 100, decimals: decimals)
            return (isAllZeros(text) ? "" : fraction < 0 ? minus : signed ? "+" : "") + text + "%"
        }
        let sign: StaticString = units == 0 ? "" : fraction < 0 ? minusSign : signed ? "+" : ""
        return FixedDecimal.text(units, decimals: decimals, prefix: sign, suffix: "%")
    }

    /// Whether a fraction prints as zero percent at `decimals` ("0.0%").
    public static func percentIsZero(_ fraction: Double, decimals: Int = 1) -> Bool {
        DecimalRounding.units(abs(fraction) * 100, decimals: decimals) == 0
    }

    /// A value already in percent (a growth rate of 5.3): "5.3%", at the precision macro readings
    /// are compared with.
    public static func rate(_ value: Double, unit: String, decimals: Int = DecimalRounding.rateDecimals) -> String {
        let text = fixed(abs(value), decimals: decimals)
        return (value < 0 && !isAllZeros(text) ? minus : "") + text + unit
    }

    /// A price or index level: 2 decimals with thousands separators; one under 1 with as many
    /// decimals as give it `priceDigitsUnderOne` significant digits, as data vendors print them
    /// ("0.001235"): two decimals printed a record of 0.0012 "above the previous peak of 0.00".
    public static func price(_ value: Double) -> String {
        if let small = priceUnderOne(value) { return small }
        let text = fixed(value, decimals: 2)
        // "999.99", "-999.99" and shorter have no thousands to group: most prices, which skip
        // the grouping's copies (callgrind: about 2,200 instructions a price, then 480).
        if text.utf8.count <= (value < 0 ? 7 : 6) { return text }
        guard let point = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return grouped(text) }
        return grouped(String(text[..<point])) + String(text[point...])
    }

    /// Significant digits of a price under 1.
    static let priceDigitsUnderOne = 4

    /// `value` to `priceDigitsUnderOne` significant digits when it is under 1 (and not 0) and
    /// stays so rounded: 0.0012345 → "0.001235", 0.45 → "0.4500"; nil otherwise.
    static func priceUnderOne(_ value: Double) -> String? {
        let magnitude = abs(value)
        guard magnitude > 0, magnitude < 1 else { return nil }
        let decimals = priceDigitsUnderOne - 1 - Int(log10(magnitude).rounded(.down))
        var text = fixed(value, decimals: decimals)
        // 0.0099996 rounds up to the next power of ten ("0.010000", five digits): one decimal fewer.
        if decimals > 0, let rounded = Double(text), abs(rounded) >= pow(10, Double(priceDigitsUnderOne - decimals)) {
            text = fixed(value, decimals: decimals - 1)
        }
        // 0.99996 rounds to "1.0000": a price of 1 or more is printed as such.
        return text.utf8.first { $0 != UInt8(ascii: "-") } == UInt8(ascii: "0") ? text : nil
    }

    public static func fixed(_ value: Double, decimals: Int) -> String {
        FixedDecimal.format(value, decimals: decimals) ?? String(format: "%.\(decimals)f", value)
    }

    /// "0.0", "0.00", "0": a formatted number that reads as zero.
    static func isAllZeros(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// "-1234567" → "-1,234,567": a comma after every digit that has a multiple of three digits
    /// after it. Works on the ASCII bytes (perf: character by character, twice reversed, it was
    /// about 0.5% of a backfill).
    static func grouped(_ digits: String) -> String {
        let bytes = Array(digits.utf8)
        guard bytes.count > 3 else { return digits }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 3)
        for (index, byte) in bytes.enumerated() {
            result.append(byte)
            let after = bytes.count - 1 - index
            if after > 0 && after % 3 == 0 && byte != UInt8(ascii: "-") { result.append(UInt8(ascii: ",")) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// "third", "ninth", then "10th", "21st": in prose the first nine are words, as the wire
    /// services write them ("the 3rd straight session" was in 2,969 notes).
    public static func proseOrdinal(_ number: Int) -> String {
        (1...9).contains(number)
            ? ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"][number - 1]
            : ordinal(number)
    }

    /// "three", "nine", then "10", "23": a count in prose, spelled out to nine as ordinals are
    /// ("after 2 of the 3 earlier runs" read like a table).
    public static func proseCount(_ number: Int) -> String {
        (1...9).contains(number)
            ? ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][number - 1]
            : String(number)
    }

    /// A horizon of sessions as an analyst says it, 21 sessions to a month of trading: "month"
    /// (over the following month), "three months"; a horizon that is not whole months stays in
    /// sessions. `span` is the same length with its article, for "a month later".
    public static func horizon(sessions: Int) -> (horizon: String, span: String) {
        guard sessions > 0, sessions % sessionsPerMonth == 0 else { return ("\(sessions) sessions", "\(sessions) sessions") }
        let months = sessions / sessionsPerMonth
        return months == 1 ? ("month", "a month") : ("\(proseCount(months)) months", "\(proseCount(months)) months")
    }

    /// Trading sessions in a month, as finance counts them (252 a year).
    public static let sessionsPerMonth = 21

    /// 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".
    public static func ordinal(_ number: Int) -> String {
        let tens = number % 100
        let suffix = (11...13).contains(tens) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return "\(number)\(suffix)"
    }

    /// "1 session", "10 sessions".
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    /// "Jan" … "Dec": chart axes, `Feb 2025` periods, email Date headers.
    public static let monthAbbreviations = monthNames.map { String($0.prefix(3)) }

    /// "January 15, 2026". Written once into the String's own storage, from one conversion of
    /// the day number: interpolated, it converted the date three times and appended five pieces,
    /// about 430 instructions for each of a backfill's 340,000 dates (callgrind).
    public static func longDate(_ date: SessionDate) -> String {
        let (year, month, day) = date.components
        guard (1...9999).contains(year) else { return "\(monthNames[month - 1]) \(day), \(year)" }
        let name = monthNameBytes[month - 1]
        let dayDigits = day < 10 ? 1 : 2, yearDigits = year < 10 ? 1 : year < 100 ? 2 : year < 1000 ? 3 : 4
        let count = name.count + 1 + dayDigits + 2 + yearDigits
        return String(unsafeUninitializedCapacity: count) { buffer in
            _ = buffer.initialize(from: name)
            buffer[name.count] = UInt8(ascii: " ")
            let dayEnd = name.count + 1 + dayDigits
            FixedDecimal.writeDigits(day, count: dayDigits, endingAt: dayEnd, in: buffer)
            buffer[dayEnd] = UInt8(ascii: ",")
            buffer[dayEnd + 1] = UInt8(ascii: " ")
            FixedDecimal.writeDigits(year, count: yearDigits, endingAt: count, in: buffer)
            return count
        }
    }

    private static let monthNameBytes = monthNames.map { Array($0.utf8) }

    /// "Jan. 15", "Sept. 22" (AP style): for a date in the same year as the note.
    public static func shortDate(_ date: SessionDate) -> String {
        let name = monthNames[date.month - 1]
        let short = name.count <= 5 ? name : date.month == 9 ? "Sept." : String(name.prefix(3)) + "."
        return "\(short) \(date.day)"
    }

    /// "June 2008".
    public static func monthYear(_ date: SessionDate) -> String {
        "\(monthNames[date.month - 1]) \(date.year)"
    }

    /// "the second quarter of 2014", "January 2025", "March 3, 2025".
    public static func period(_ period: ObservationPeriod) -> String {
        switch period.frequency {
        case .daily: return longDate(period.firstDay)
        case .monthly: return "\(monthNames[period.subdivision - 1]) \(period.year)"
        case .quarterly:
            return "the \(proseOrdinal(period.subdivision)) quarter of \(period.year)"
        }
    }

    /// "Q2 2014", "January 2025": for headlines.
    public static func shortPeriod(_ period: ObservationPeriod) -> String {
        switch period.frequency {
        case .daily: return shortDate(period.firstDay) + ", \(period.year)"
        // A month with its year alone is spelled out, as in "the most since March 2009": "Jan
        // 2025" sat beside "Oct. 13" in headlines.
        case .monthly: return monthYear(period.firstDay)
        case .quarterly: return "Q\(period.subdivision) \(period.year)"
        }
    }
}
