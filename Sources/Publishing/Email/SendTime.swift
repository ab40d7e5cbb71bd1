import MarketData
import Newsletter

/// The time of day a note's message is dated, so that its Date header comes from the note's date
/// and the project's settings, never from the clock (a rebuilt message is byte-identical). The
/// default, 22:00 UTC, is after the New York close the note reports (21:00 UTC in winter, 20:00
/// in summer), so no message is dated before the session it describes.
public struct SendTime: Sendable, Equatable {
    public var hour: Int
    public var minute: Int
    /// Minutes east of UTC: `+0100` is 60.
    public var utcOffsetMinutes: Int

    public init(hour: Int = 22, minute: Int = 0, utcOffsetMinutes: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The RFC 5322 §3.3 date-time of `date` at this time: `Thu, 15 Jan 2026 22:00:00 +0000`.
    public func headerValue(on date: SessionDate) -> String {
        let offset = abs(utcOffsetMinutes)
        return "\(Self.weekdays[date.weekday]), \(pad(date.day)) \(NumberStyle.monthAbbreviations[date.month - 1]) \(date.year) "
            + "\(pad(hour)):\(pad(minute)):00 \(utcOffsetMinutes < 0 ? "-" : "+")\(pad(offset / 60))\(pad(offset % 60))"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
