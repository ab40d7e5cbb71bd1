/// How often a series is observed.
public enum Frequency: String, Sendable, Codable, Hashable, CaseIterable {
    case daily
    case monthly
    case quarterly
}

/// One observation period of a macro or breadth series: a day, a month or a quarter.
///
/// `ordinal` counts days since 1970-01-01, months since year 0, or quarters since year 0, so that
/// consecutive periods differ by one and ordering is integer ordering.
public struct ObservationPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let frequency: Frequency
    public let ordinal: Int32

    public init(frequency: Frequency, ordinal: Int32) {
        self.frequency = frequency
        self.ordinal = ordinal
    }

    public static func day(_ date: SessionDate) -> ObservationPeriod {
        ObservationPeriod(frequency: .daily, ordinal: date.dayNumber)
    }

    public static func month(year: Int, month: Int) -> ObservationPeriod {
        ObservationPeriod(frequency: .monthly, ordinal: Int32(year * 12 + month - 1))
    }

    public static func quarter(year: Int, quarter: Int) -> ObservationPeriod {
        ObservationPeriod(frequency: .quarterly, ordinal: Int32(year * 4 + quarter - 1))
    }

    public static func < (lhs: ObservationPeriod, rhs: ObservationPeriod) -> Bool {
        lhs.firstDay < rhs.firstDay || (lhs.firstDay == rhs.firstDay && lhs.ordinal < rhs.ordinal)
    }

    public var year: Int {
        switch frequency {
        case .daily: return SessionDate(dayNumber: ordinal).year
        case .monthly: return Int(ordinal) / 12
        case .quarterly: return Int(ordinal) / 4
        }
    }

    /// Month 1–12 for monthly periods, quarter 1–4 for quarterly ones, month for daily ones.
    public var subdivision: Int {
        switch frequency {
        case .daily: return SessionDate(dayNumber: ordinal).month
        case .monthly: return Int(ordinal) % 12 + 1
        case .quarterly: return Int(ordinal) % 4 + 1
        }
    }

    public var firstDay: SessionDate {
        switch frequency {
        case .daily: return SessionDate(dayNumber: ordinal)
        case .monthly: return SessionDate(year: year, month: subdivision, day: 1)!
        case .quarterly: return SessionDate(year: year, month: subdivision * 3 - 2, day: 1)!
        }
    }

    public var lastDay: SessionDate {
        switch frequency {
        case .daily: return firstDay
        case .monthly: return SessionDate(year: year, month: subdivision, day: SessionDate.daysIn(month: subdivision, year: year))!
        case .quarterly:
            let month = subdivision * 3
            return SessionDate(year: year, month: month, day: SessionDate.daysIn(month: month, year: year))!
        }
    }

    /// The period `count` steps later (negative for earlier).
    public func advanced(by count: Int) -> ObservationPeriod {
        ObservationPeriod(frequency: frequency, ordinal: ordinal + Int32(count))
    }

    /// The canonical file form: `2025-10-01`, `2025-10` or `2025Q4`.
    public var description: String {
        switch frequency {
        case .daily: return SessionDate(dayNumber: ordinal).description
        case .monthly: return SessionDate.pad(year, 4) + "-" + SessionDate.pad(subdivision, 2)
        case .quarterly: return SessionDate.pad(year, 4) + "Q" + String(subdivision)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = ObservationPeriod(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected YYYY-MM-DD, YYYY-MM or YYYYQn, found \(text)")
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-MM`, `YYYYQn` or `YYYY-Qn`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let period = bytes.withUnsafeBufferPointer({ ObservationPeriod.parse($0[...]) }) else { return nil }
        self = period
    }

    static func parse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> ObservationPeriod? {
        let base = bytes.startIndex
        switch bytes.count {
        case 10:
            return SessionDate.parseISO(bytes).map(ObservationPeriod.day)
        case 8:
            guard let year = Digits.value(bytes, base, 4), let month = Digits.value(bytes, base + 4, 2),
                  let day = Digits.value(bytes, base + 6, 2), let date = SessionDate(year: year, month: month, day: day)
            else { return nil }
            return .day(date)
        case 7:
            guard let year = Digits.value(bytes, base, 4), year >= 1, bytes[base + 4] == UInt8(ascii: "-") else { return nil }
            if bytes[base + 5] == UInt8(ascii: "Q") || bytes[base + 5] == UInt8(ascii: "q") {
                guard let quarter = Digits.value(bytes, base + 6, 1), (1...4).contains(quarter) else { return nil }
                return .quarter(year: year, quarter: quarter)
            }
            guard let month = Digits.value(bytes, base + 5, 2), (1...12).contains(month) else { return nil }
            return .month(year: year, month: month)
        case 6:
            guard let year = Digits.value(bytes, base, 4), year >= 1,
                  bytes[base + 4] == UInt8(ascii: "Q") || bytes[base + 4] == UInt8(ascii: "q"),
                  let quarter = Digits.value(bytes, base + 5, 1), (1...4).contains(quarter)
            else { return nil }
            return .quarter(year: year, quarter: quarter)
        default:
            return nil
        }
    }
}
