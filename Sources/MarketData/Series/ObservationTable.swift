import Foundation

/// A macro or breadth file: one row per period, one or more value columns; nil marks a missing value.
public struct ObservationTable: Sendable {
    public var frequency: Frequency
    public var periods: [ObservationPeriod]
    public var columnNames: [String]
    /// `values[column][row]`.
    public var values: [[Double?]]
    public var source: String

    public init(frequency: Frequency, periods: [ObservationPeriod], columnNames: [String], values: [[Double?]], source: String = "") {
        self.frequency = frequency
        self.periods = periods
        self.columnNames = columnNames
        self.values = values
        self.source = source
    }

    public func column(_ name: String) -> [Double?]? {
        columnNames.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }.map { values[$0] }
    }
}

/// One observed series: a period and a value (nil when missing) per row.
public struct ObservationSeries: Sendable {
    public var id: String
    public var periods: [ObservationPeriod]
    public var values: [Double?]

    public init(id: String, periods: [ObservationPeriod], values: [Double?]) {
        self.id = id
        self.periods = periods
        self.values = values
    }
}
