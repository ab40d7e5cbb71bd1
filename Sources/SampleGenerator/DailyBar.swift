/// One Yahoo-style daily row; prices are whole cents so rounding happens exactly once.
struct DailyBar: Sendable {
    /// Index of the session in the shared calendar.
    let session: Int
    let date: CalendarDate
    var open: Int
    var high: Int
    var low: Int
    var close: Int
    var adjClose: Int
    var volume: Int
}
