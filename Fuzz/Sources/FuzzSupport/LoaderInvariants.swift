import Foundation
import MarketData

/// What the loaders promise, checked on every fuzz input: an accepted file is valid, a rejected
/// one is reported at a real position. A broken promise stops the fuzzer like a crash.
public enum LoaderInvariants {
    /// Rows of an accepted price file: dates strictly increase, prices are finite and positive,
    /// High and Low bound the session.
    public static func check(_ series: PriceSeries) {
        require(!series.dates.isEmpty, "an accepted price file has sessions")
        require(zip(series.dates, series.dates.dropFirst()).allSatisfy { $0 < $1 }, "dates strictly increase")
        for index in series.dates.indices {
            let prices = [series.open[index], series.high[index], series.low[index], series.close[index]]
            require(prices.allSatisfy { $0.isFinite && $0 > 0 }, "prices are finite and positive")
            require(series.low[index] <= prices.min()! && series.high[index] >= prices.max()!, "High and Low bound the session")
        }
    }

    /// An accepted observation table: periods strictly increase, values are finite.
    public static func check(_ table: ObservationTable) {
        require(!table.periods.isEmpty, "an accepted data file has rows")
        require(zip(table.periods, table.periods.dropFirst()).allSatisfy { $0 < $1 }, "periods strictly increase")
        require(table.values.allSatisfy { $0.count == table.periods.count }, "every column has a value per period")
        require(table.values.joined().allSatisfy { $0?.isFinite ?? true }, "values are finite")
    }

    /// An accepted quote has its words, without the surrounding blank lines.
    public static func check(_ quote: Quote) {
        require(!quote.text.isEmpty && quote.text == quote.text.trimmingCharacters(in: .whitespacesAndNewlines),
                "an accepted quote has trimmed, non-empty text")
    }

    /// A rejection names at least one problem, each at a 1-based position with a message.
    public static func check(_ report: DiagnosticReport) {
        require(!report.errors.isEmpty, "a rejection reports an error")
        for diagnostic in report.diagnostics {
            require(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "positions are 1-based: \(diagnostic)")
            require(!diagnostic.message.isEmpty, "every diagnostic says what is wrong")
        }
    }

    private static func require(_ condition: Bool, _ promise: @autoclosure () -> String) {
        if !condition { fatalError("broken promise: \(promise())") }
    }
}

/// The fuzzer's input as bytes, and as text when it is valid UTF-8 (loaders of text files reject
/// other bytes before parsing, exactly as `ProjectLoader` does).
public struct FuzzInput {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = Array(UnsafeBufferPointer(start: data, count: size))
    }

    public var text: String? { String(validating: bytes, as: UTF8.self) }
}
