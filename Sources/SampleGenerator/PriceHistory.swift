import Foundation

/// A Yahoo-style price file read back from disk as plain columns.
struct PriceHistory {
    let symbol: String
    let header: [String]
    let dates: [String]
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let adjClose: [Double]
    let volume: [Int]
    private let indexByDate: [String: Int]

    init(directory: URL, symbol: String) throws {
        let table = try CSVTable(directory: directory, name: "\(symbol).csv")
        self.symbol = symbol
        header = table.header
        dates = try table.column("Date")
        open = try table.numbers("Open", decimals: 2)
        high = try table.numbers("High", decimals: 2)
        low = try table.numbers("Low", decimals: 2)
        close = try table.numbers("Close", decimals: 2)
        adjClose = try table.numbers("Adj Close", decimals: 2)
        volume = try table.column("Volume").map { field in
            guard let value = Int(field) else { throw SampleGenerationError(description: "\(symbol).csv: volume '\(field)' is not an integer") }
            return value
        }
        indexByDate = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
    }

    func index(of date: String) -> Int? {
        indexByDate[date]
    }

    /// Close-to-close return of session `index` against the previous session in this file.
    func dailyReturn(at index: Int) -> Double {
        close[index] / close[index - 1] - 1
    }

    /// Close-to-close return from session `index` to `sessions` sessions later.
    func forwardReturn(from index: Int, sessions: Int) -> Double? {
        index + sessions < close.count ? close[index + sessions] / close[index] - 1 : nil
    }
}
