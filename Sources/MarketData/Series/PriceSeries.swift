/// Daily OHLCV history of one symbol, ascending by date, stored column by column.
public struct PriceSeries: Sendable {
    public var symbol: String
    public var dates: [SessionDate]
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    /// Dividend-adjusted close, when the file has one.
    public var adjustedClose: [Double]?
    public var volume: [Double]?
    /// The file the series came from.
    public var source: String
    /// Rows of the file whose prices were all `null` (Yahoo's days without trading), left out:
    /// their dates and lines.
    public var nullRows: [(date: SessionDate, line: Int)] = []

    public init(symbol: String, dates: [SessionDate], open: [Double], high: [Double], low: [Double], close: [Double],
                adjustedClose: [Double]? = nil, volume: [Double]? = nil, source: String = "") {
        self.symbol = symbol
        self.dates = dates
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.adjustedClose = adjustedClose
        self.volume = volume
        self.source = source
    }

    /// A close-only series (open, high and low equal to the close), for tests and index levels.
    public init(symbol: String, dates: [SessionDate], closes: [Double]) {
        self.init(symbol: symbol, dates: dates, open: closes, high: closes, low: closes, close: closes)
    }

    public var count: Int { dates.count }
    public var isEmpty: Bool { dates.isEmpty }

    /// The closes that returns are computed from.
    public func returnBasis(_ basis: ReturnBasis) -> [Double] {
        basis == .total ? (adjustedClose ?? close) : close
    }

    /// Index of the last session on or before `date`, by binary search.
    public func index(onOrBefore date: SessionDate) -> Int? { dates.lastIndex(onOrBefore: date) }

    /// The same series cut to sessions on or before `date`.
    public func truncated(through date: SessionDate) -> PriceSeries {
        guard let last = index(onOrBefore: date) else {
            return PriceSeries(symbol: symbol, dates: [], closes: [])
        }
        let range = 0...last
        return PriceSeries(symbol: symbol, dates: Array(dates[range]), open: Array(open[range]), high: Array(high[range]),
                           low: Array(low[range]), close: Array(close[range]), adjustedClose: adjustedClose.map { Array($0[range]) },
                           volume: volume.map { Array($0[range]) }, source: source)
    }
}
