import MarketData

/// Small hand-checked series for tests: consecutive weekdays from 2024-01-01 (a Monday).
enum Series {
    static func dates(_ count: Int, from start: SessionDate = SessionDate(year: 2024, month: 1, day: 1)!) -> [SessionDate] {
        var dates: [SessionDate] = []
        var day = start
        while dates.count < count {
            if day.weekday != 0 && day.weekday != 6 { dates.append(day) }
            day = day.adding(days: 1)
        }
        return dates
    }

    static func closes(_ symbol: String, _ closes: [Double], dates: [SessionDate]? = nil) -> PriceSeries {
        PriceSeries(symbol: symbol, dates: dates ?? Self.dates(closes.count), closes: closes)
    }

    static func config(_ symbol: String, returns: ReturnBasis = .price) -> SeriesConfig {
        SeriesConfig(symbol: symbol, name: symbol, shortName: symbol, plural: false, file: "\(symbol).csv",
                     returns: returns, topics: [], location: SourceLocation(path: "test"))
    }

    static func date(_ text: String) -> SessionDate { SessionDate(text)! }
}
