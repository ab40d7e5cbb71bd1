/// A calendar date without time zone, stored as days since 1970-01-01 so that comparisons,
/// differences and hashing are integer operations.
public struct SessionDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let dayNumber: Int32

    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// The years a data file may hold. Analysis looks a year back (1Y returns) and a few periods
    /// ahead (macro staleness); this range keeps all of that inside the calendar of years 1–9999.
    public static let supportedYears = 1800...2999

    /// Whether the date's year is in `supportedYears`, from its day number alone (perf: finding
    /// the year of every row's date was 4% of loading a 500-file universe).
    public var isInSupportedYears: Bool {
        SessionDate.days(year: SessionDate.supportedYears.lowerBound, month: 1, day: 1) <= Int(dayNumber)
            && Int(dayNumber) <= SessionDate.days(year: SessionDate.supportedYears.upperBound, month: 12, day: 31)
    }

    /// Nil when the components do not name a real date (month 13, February 30…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...SessionDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.dayNumber = Int32(SessionDate.days(year: year, month: month, day: day))
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ SessionDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD` from its UTF-8: for a year in 1...9999, the bytes `description` prints.
    public init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard let date = SessionDate.parseISO(bytes[...]) else { return nil }
        self = date
    }

    public static func < (lhs: SessionDate, rhs: SessionDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public var components: (year: Int, month: Int, day: Int) { SessionDate.civil(fromDays: Int(dayNumber)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int {
        let value = (Int(dayNumber) + 4) % 7
        return value < 0 ? value + 7 : value
    }

    public func adding(days: Int) -> SessionDate { SessionDate(dayNumber: dayNumber + Int32(days)) }

    /// The weekdays strictly between `self` and `later`.
    public func weekdays(until later: SessionDate) -> Int {
        (1..<max(Int(later.dayNumber - dayNumber), 1)).count { ![0, 6].contains(adding(days: $0).weekday) }
    }

    /// The first day of the month after this date's; nil after December 9999.
    public var startOfNextMonth: SessionDate? {
        let (year, month, _) = components
        return month == 12 ? SessionDate(year: year + 1, month: 1, day: 1) : SessionDate(year: year, month: month + 1, day: 1)
    }

    /// The same month and day in another year; February 29 becomes February 28.
    public func sameDay(yearsEarlier years: Int) -> SessionDate {
        let (y, m, d) = components
        let target = y - years
        return SessionDate(year: target, month: m, day: min(d, SessionDate.daysIn(month: m, year: target)))!
    }

    /// `YYYY-MM-DD`, written as ten bytes: dates are printed on every line of facts.json.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return SessionDate.pad(y, 4) + "-" + SessionDate.pad(m, 2) + "-" + SessionDate.pad(d, 2) }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            SessionDate.writeISO(y, m, d, into: buffer)
            return 10
        }
    }

    /// `prefix`, then `YYYY-MM-DD`, then `suffix`, made as one String: a note's path
    /// (`notes/DATE/`) is made for every note of the site a build lists, and through
    /// interpolation each took about 1,200 instructions (callgrind).
    public func description(prefix: String, suffix: String) -> String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return prefix + description + suffix }
        var (prefix, suffix) = (prefix, suffix)
        return prefix.withUTF8 { head in
            suffix.withUTF8 { tail in
                String(unsafeUninitializedCapacity: head.count + 10 + tail.count) { buffer in
                    let date = head.count..<head.count + 10
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[..<date.lowerBound]).initialize(fromContentsOf: head)
                    SessionDate.writeISO(y, m, d, into: UnsafeMutableBufferPointer(rebasing: buffer[date]))
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[date.upperBound..<date.upperBound + tail.count]).initialize(fromContentsOf: tail)
                    return date.upperBound + tail.count
                }
            }
        }
    }

    /// Calls `body` with `YYYY-MM-DD` as bytes, without making a String (facts.json writes one a
    /// line). Not generic: called across modules, a generic one looked up its metadata every time.
    public func withISOBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            guard writeISO(into: buffer.baseAddress!) != nil else {
                var text = description
                return text.withUTF8(body)
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// Writes `YYYY-MM-DD` in the ten bytes at `target` and returns the date's parts; nil, with
    /// nothing written, for a year outside 0...9999, which has no ten-byte form.
    public func writeISO(into target: UnsafeMutablePointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return nil }
        SessionDate.writeISO(y, m, d, into: UnsafeMutableBufferPointer(start: target, count: 10))
        return (y, m, d)
    }

    /// Ten digits and dashes for a year in 0...9999.
    private static func writeISO(_ y: Int, _ m: Int, _ d: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        buffer[0] = UInt8(48 + y / 1000)
        buffer[1] = UInt8(48 + y / 100 % 10)
        buffer[2] = UInt8(48 + y / 10 % 10)
        buffer[3] = UInt8(48 + y % 10)
        buffer[4] = UInt8(ascii: "-")
        buffer[5] = UInt8(48 + m / 10)
        buffer[6] = UInt8(48 + m % 10)
        buffer[7] = UInt8(ascii: "-")
        buffer[8] = UInt8(48 + d / 10)
        buffer[9] = UInt8(48 + d % 10)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = SessionDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-MM-DD, found \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Calendar arithmetic (Howard Hinnant's civil-days algorithms)

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Parses `MM/DD/YYYY`, the United States' order (Nasdaq.com's files), from raw bytes.
    static func parseUS(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> SessionDate? {
        parse(bytes, separator: "/", at: (2, 5), year: 6, month: 0, day: 3)
    }

    /// Parses `YYYY-MM-DD` from raw bytes without building a String.
    static func parseISO(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> SessionDate? {
        parse(bytes, separator: "-", at: (4, 7), year: 0, month: 5, day: 8)
    }

    /// A ten-byte date with `separator` at the offsets `at`, and its parts at the offsets given.
    @inline(__always)
    private static func parse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, separator: Unicode.Scalar, at: (Int, Int),
                              year: Int, month: Int, day: Int) -> SessionDate? {
        guard bytes.count == 10 else { return nil }
        let base = bytes.startIndex, mark = UInt8(ascii: separator)
        guard bytes[base + at.0] == mark, bytes[base + at.1] == mark,
              let year = Digits.value(bytes, base + year, 4), let month = Digits.value(bytes, base + month, 2),
              let day = Digits.value(bytes, base + day, 2)
        else { return nil }
        return SessionDate(year: year, month: month, day: day)
    }
}

/// Reads fixed-width unsigned decimal fields from bytes.
enum Digits {
    /// Nil unless the `count` bytes from `start` are all digits; more than 9 digits are never a
    /// date part and would overflow.
    static func value(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ start: Int, _ count: Int) -> Int? {
        guard count <= 9 else { return nil }
        var result = 0
        for index in start..<(start + count) {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            result = result * 10 + digit
        }
        return result
    }
}
