/// Daily market volatility and standardised fat-tailed shocks, shared by every instrument so they move together.
struct MarketShocks: Sendable {
    /// Highest daily volatility (about 90% annualised), largest shock in standard deviations and largest daily market move,
    /// so even crisis days stay believable.
    static let highestVolatility = 0.057
    static let largestShock = 5.0
    static let largestMove = 0.12

    /// Daily volatility per session (regime schedule × GARCH multiplier).
    let sigma: [Double]
    /// Unit-variance Student-t shock per session.
    let z: [Double]

    init(calendar: TradingCalendar, schedule: VolatilitySchedule, random: inout RandomStream) {
        var clustering = VolatilityClustering()
        var sigma = [Double](), z = [Double]()
        sigma.reserveCapacity(calendar.count)
        z.reserveCapacity(calendar.count)
        for date in calendar.sessions {
            let volatility = min(Self.highestVolatility, schedule.dailyVolatility(on: date) * clustering.multiplier.squareRoot())
            let shock = random.studentT(degreesOfFreedom: 5, cap: min(Self.largestShock, Self.largestMove / volatility))
            sigma.append(volatility)
            z.append(shock)
            clustering.update(afterShock: shock)
        }
        self.sigma = sigma
        self.z = z
    }

    func move(at index: Int) -> Double {
        sigma[index] * z[index]
    }
}
