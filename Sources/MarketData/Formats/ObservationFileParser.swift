/// Parses macro and breadth files: FRED CSV (`observation_date,SERIES` or `DATE,VALUE`, `.` for a
/// missing value), plain `date,value` or `date,col1,col2,…`, and `year,quarter,…` tables, with
/// daily, monthly (`2025-10`) or quarterly (`2025Q4`) dates.
public enum ObservationFileParser {
    static let dateColumns: Set<String> = ["date", "observationdate", "period", "quarter", "month", "time"]

    public static func parse(bytes: [UInt8], path: String) throws(DiagnosticReport) -> ObservationTable {
        if let problem = TextFileCheck.problem(bytes, path: path) { throw DiagnosticReport([problem]) }
        var reader = CSVReader(path: path, bytes: bytes)
        guard try PriceFileParser.readHeader(&reader, path: path) else {
            throw DiagnosticReport([.error(at: SourceLocation(path: path), "the file is empty",
                                           hint: "a data file starts with a header such as date,value")])
        }
        let header = try ObservationHeader(reader)
        var periods: [ObservationPeriod] = []
        var values = Array(repeating: [Double?](), count: header.valueColumns.count)
        var lines: [Int] = []
        var diagnostics = DiagnosticCollector()
        var outOfOrder = false
        while true {
            let hasRow: Bool
            do { hasRow = try reader.nextRow() } catch { diagnostics.report(error); break }
            guard hasRow else { break }
            do throws(Diagnostic) {
                guard reader.fieldCount == header.columnCount else {
                    throw Diagnostic.error(at: reader.location(ofField: min(reader.fieldCount, header.columnCount)),
                                           "expected \(header.columnCount) fields, found \(reader.fieldCount)",
                                           hint: "every row must have a value for each header column")
                }
                let period = try header.period(reader)
                if let last = periods.last, period < last, period.frequency == last.frequency {
                    // Told once for a run of rows out of order (a file listed newest first).
                    if outOfOrder { continue }
                    outOfOrder = true
                    throw Diagnostic.error(at: reader.location(ofField: 0),
                                           DateOrder.message(period.description, after: last.description, line: lines.last!),
                                           hint: DateOrder.hint)
                }
                if let last = periods.last, period == last || period.frequency != last.frequency {
                    throw Diagnostic.error(
                        at: reader.location(ofField: 0),
                        period == last ? "period \(period) appears twice (also on line \(lines.last!))"
                            : "\(period) is not the same kind of date as \(last)",
                        hint: "one row per period, oldest first, all dates in one form")
                }
                outOfOrder = false
                let row = try header.valueColumns.map { column throws(Diagnostic) in try value(reader, column) }
                periods.append(period)
                lines.append(reader.line)
                for (index, value) in row.enumerated() { values[index].append(value) }
            } catch {
                if ErrorLimit.isReached(reporting: error, to: &diagnostics, stopAt: reader.rowLocation,
                                        hint: "is this a macro or breadth file (a date column, then value columns)?") { break }
            }
        }
        if periods.isEmpty && !diagnostics.hasErrors {
            diagnostics.report(.error(at: SourceLocation(path: path, line: 2), "the file has a header but no rows",
                                      hint: "add one row per period below the header, oldest first"))
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        let (frequency, normalised) = FrequencyInference.normalise(periods)
        return ObservationTable(frequency: frequency, periods: normalised,
                                columnNames: header.valueColumns.map { header.names[$0] },
                                values: values, source: path)
    }

    /// A value cell: a finite number, or `.`/empty for a missing observation.
    private static func value(_ reader: CSVReader, _ column: Int) throws(Diagnostic) -> Double? {
        let missing = reader.withField(column) { $0.isEmpty || ($0.count == 1 && $0.first == UInt8(ascii: ".")) }
        if missing { return nil }
        guard let number = reader.withField(column, NumberParser.double) else {
            let text = reader.string(column)
            throw .error(at: reader.location(ofField: column), "'\(reader.shownText(column))' is not a number",
                         hint: NumberParser.hint(forRejected: text) ?? "write a finite decimal number, or '.' for a missing value")
        }
        return number
    }
}

/// The header of an observation file: where the date is and which columns hold values.
struct ObservationHeader {
    var names: [String]
    var columnCount: Int
    var valueColumns: [Int]
    /// `year,quarter,…` tables keep the period in two integer columns.
    var yearQuarter: Bool

    init(_ reader: CSVReader) throws(DiagnosticReport) {
        names = (0..<reader.fieldCount).map { reader.string($0) }
        columnCount = names.count
        let canonical = names.map(ColumnName.canonical)
        if columnCount == 1, let delimiter = HeaderDelimiter.guess(names[0]) {
            throw DiagnosticReport([.error(at: reader.location(ofField: 0), "the header is one column; the file looks \(delimiter)-separated",
                                           hint: "marketnote reads comma-separated files; export with ',' as the delimiter")])
        }
        yearQuarter = canonical.count >= 3 && canonical[0] == "year" && canonical[1] == "quarter"
        guard yearQuarter || ObservationFileParser.dateColumns.contains(canonical[0]) else {
            throw DiagnosticReport([.error(at: reader.location(ofField: 0), "the first column '\(reader.shownText(0))' is not a date column",
                                           hint: "start the header with date (or observation_date, DATE, period), then the value columns")])
        }
        guard columnCount >= (yearQuarter ? 3 : 2) else {
            throw DiagnosticReport([.error(at: reader.location(ofField: 0), "the file has a date column but no value column",
                                           hint: "add a value column, e.g. date,value")])
        }
        valueColumns = Array((yearQuarter ? 2 : 1)..<columnCount)
        var seen: [String: Int] = [:]
        for index in valueColumns {
            if let first = seen[canonical[index]] {
                throw DiagnosticReport([.error(at: reader.location(ofField: index), "column '\(reader.shownText(index))' appears twice (also column \(first + 1))",
                                               hint: "give each column its own name")])
            }
            seen[canonical[index]] = index
        }
    }

    /// Rejects years whose date arithmetic would leave the calendar (`SessionDate.supportedYears`).
    private static func checkYear(_ year: Int, _ reader: CSVReader) throws(Diagnostic) {
        guard SessionDate.supportedYears.contains(year) else { throw .unsupportedYear("year \(year)", at: reader.location(ofField: 0)) }
    }

    func period(_ reader: CSVReader) throws(Diagnostic) -> ObservationPeriod {
        if yearQuarter {
            guard let year = reader.withField(0, { Digits.value($0, $0.startIndex, $0.count) }), (1...9999).contains(year),
                  let quarter = reader.withField(1, { Digits.value($0, $0.startIndex, $0.count) }), (1...4).contains(quarter)
            else {
                throw .error(at: reader.location(ofField: 0), "'\(reader.shownText(0)),\(reader.shownText(1))' is not a year and quarter",
                             hint: "write the year (2025) and the quarter (1–4)")
            }
            try Self.checkYear(year, reader)
            return .quarter(year: year, quarter: quarter)
        }
        guard let period = reader.withField(0, ObservationPeriod.parse) else {
            throw .error(at: reader.location(ofField: 0), "'\(reader.shownText(0))' is not a date",
                         hint: "write YYYY-MM-DD, YYYY-MM or YYYYQn")
        }
        try Self.checkYear(period.year, reader)
        return period
    }
}

/// FRED writes monthly and quarterly observations as the first day of the period; this finds the
/// frequency such dates stand for.
enum FrequencyInference {
    static func normalise(_ periods: [ObservationPeriod]) -> (Frequency, [ObservationPeriod]) {
        guard let first = periods.first else { return (.daily, periods) }
        guard first.frequency == .daily else { return (first.frequency, periods) }
        let dates = periods.map(\.firstDay)
        guard dates.allSatisfy({ $0.day == 1 }) else { return (.daily, periods) }
        let months = dates.map { $0.year * 12 + $0.month - 1 }
        let gaps = zip(months.dropFirst(), months).map { $0 - $1 }
        if dates.allSatisfy({ ($0.month - 1) % 3 == 0 }) && gaps.allSatisfy({ $0 % 3 == 0 }) && periods.count > 1 {
            return (.quarterly, dates.map { .quarter(year: $0.year, quarter: ($0.month - 1) / 3 + 1) })
        }
        if periods.count > 1 && gaps.allSatisfy({ $0 >= 1 }) && gaps.contains(1) {
            return (.monthly, dates.map { .month(year: $0.year, month: $0.month) })
        }
        return (.daily, periods)
    }
}
