/// The facts the committed sample is shaped to satisfy; the shapers plant them and the verifier re-checks them.
enum SampleConstraints {
    /// A stretch of consecutive sessions on which IWM is made to beat SPY, bounded by sessions on which it does not.
    struct PlantedRun: Sendable {
        let start: CalendarDate
        let length: Int
    }

    /// A year-to-date return aimed at `target` that must land inside `allowed`.
    struct YearToDate: Sendable {
        let symbol: String
        let target: Double
        let allowed: ClosedRange<Double>
    }

    // MARK: Calendar

    static let firstSession = CalendarDate("2000-01-03")
    static let lastSession = CalendarDate("2026-01-15")
    static let yearEnd = CalendarDate("2025-12-31")

    // MARK: IWM versus SPY

    /// The instrument whose record run and outperformance the note reports.
    static let leaderSymbol = "IWM"

    /// IWM's closing streak: both its record-high streak and its outperformance streak, i.e. every 2026 session.
    static let finalStreakLength = 10
    static let longRunLength = 10
    static let plantedRuns = [
        PlantedRun(start: CalendarDate("2001-01-04"), length: 12),
        PlantedRun(start: CalendarDate("2006-01-03"), length: 10),
        PlantedRun(start: CalendarDate("2008-06-06"), length: 11),
    ]
    /// How far (log) IWM's earlier closes may sit above its year-end close before the January breakout.
    static let yearEndHeadroom = 0.012
    /// Minimum |log IWM return − log SPY return| on every session, so rounding to cents can never flip who won the day.
    static let beatMargin = 0.001

    static let yearToDate = [
        YearToDate(symbol: "SPY", target: 0.0148, allowed: 0.013...0.017),
        YearToDate(symbol: "IWM", target: 0.0762, allowed: 0.072...0.080),
        YearToDate(symbol: "MAGS", target: -0.0012, allowed: -0.004...0.004),
    ]

    // MARK: Guidance breadth and what follows it

    static let guidanceMonths = YearMonth("2015-01")...YearMonth("2026-01")
    static let smallLeadMonths: Set<YearMonth> = Set(
        ["2019-02", "2019-03", "2021-01", "2021-02", "2025-01", "2026-01"].map(YearMonth.init)
    )
    /// IWM must beat SPY by more than this over each horizon after an earlier firing.
    static let followThroughHorizons = [21, 63]
    static let minimumFollowThrough = 0.02
    /// What the shaper aims for (drawn per horizon), leaving room above the minimum.
    static let targetFollowThrough = 0.03...0.05

    // MARK: GDP nowcast

    static let gdpQuarters = Quarter("2000Q1")...Quarter("2025Q4")
    static let gdpThreshold = 5.3
    static let pandemicQuarters = Quarter("2020Q1")...Quarter("2021Q4")
    /// Quarters whose values are fixed to make the "strongest since" story true; tenths of a percent.
    static let gdpPins: [Quarter: Int] = [
        "2001Q1": -13, "2001Q2": 11, "2001Q3": -17, "2001Q4": 10,
        "2006Q1": 54,
        "2008Q3": -21, "2008Q4": -84, "2009Q1": -46, "2009Q2": -8,
        "2014Q1": -12, "2014Q2": 55,
        "2020Q1": -53, "2020Q2": -280, "2020Q3": 334, "2020Q4": 41,
        "2021Q1": 63, "2021Q2": 68, "2021Q3": 29, "2021Q4": 70,
        "2025Q4": 53,
    ].reduce(into: [:]) { $0[Quarter($1.key)] = $1.value }

    /// Quarters that must stay below the threshold: after 2006Q1 until 2025Q4, except the pins and the pandemic.
    static func gdpMustStayBelowThreshold(_ quarter: Quarter) -> Bool {
        quarter > Quarter("2006Q1") && quarter < Quarter("2025Q4")
            && !pandemicQuarters.contains(quarter) && gdpPins[quarter] == nil
    }
}
