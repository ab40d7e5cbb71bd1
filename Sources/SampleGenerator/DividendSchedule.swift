/// Yahoo-style dividend adjustment: each ex-date scales all earlier closes down, so the factor rises to 1.0 on the last session.
struct DividendSchedule: Sendable {
    let annualYield: Double
    /// Months with an ex-dividend date, taken as the first session on or after the month's third Friday.
    let payoutMonths: [Int]

    func apply(to bars: inout [DailyBar], calendar: TradingCalendar) {
        guard let first = bars.first, let last = bars.last else { return }
        let exDates = exDividendSessions(years: first.date.year...last.date.year, calendar: calendar)
        let retained = 1 - annualYield / Double(payoutMonths.count)
        var factor = 1.0
        for index in bars.indices.reversed() {
            bars[index].adjClose = Int((Double(bars[index].close) * factor).rounded())
            if exDates.contains(bars[index].session) { factor *= retained }
        }
    }

    private func exDividendSessions(years: ClosedRange<Int>, calendar: TradingCalendar) -> Set<Int> {
        var sessions: Set<Int> = []
        for year in years {
            for month in payoutMonths {
                let thirdFriday = CalendarDate.nth(3, .friday, month: month, year: year)
                if let index = calendar.firstIndex(onOrAfter: thirdFriday) { sessions.insert(index) }
            }
        }
        return sessions
    }
}
