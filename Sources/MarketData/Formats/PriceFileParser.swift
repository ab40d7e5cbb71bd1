/// Parses and validates a daily price file into `PriceSeries`, reporting every bad row.
public enum PriceFileParser {
    /// The series in the file, keyed by symbol; a single-symbol file is keyed by `symbol`.
    public static func parse(bytes: [UInt8], path: String, symbol: String) throws(DiagnosticReport) -> [String: PriceSeries] {
        if let problem = TextFileCheck.problem(bytes, path: path) { throw DiagnosticReport([problem]) }
        var reader = CSVReader(path: path, bytes: bytes)
        guard try readHeader(&reader, path: path) else {
            throw DiagnosticReport([.error(at: SourceLocation(path: path), "the file is empty",
                                           hint: "a price file starts with a header such as Date,Open,High,Low,Close,Adj Close,Volume")])
        }
        let layout = try PriceFileLayout.detect(reader)
        var builders: [String: PriceSeriesBuilder] = [:]
        // A one-symbol file fills one builder, without hashing the symbol on every row.
        var single = PriceSeriesBuilder(symbol: symbol, layout: layout, path: path)
        var diagnostics = DiagnosticCollector()
        var rows = 0
        while true {
            let hasRow: Bool
            do { hasRow = try reader.nextRow() } catch { diagnostics.report(error); break }
            guard hasRow else { break }
            rows += 1
            do {
                let row = try PriceRow(reader, layout)
                if let key = row.symbol {
                    try builders[key, default: PriceSeriesBuilder(symbol: key, layout: layout, path: path)].add(row, reader)
                } else {
                    try single.add(row, reader)
                }
            } catch {
                if ErrorLimit.isReached(reporting: error, to: &diagnostics, stopAt: reader.rowLocation,
                                        hint: "is this a \(layout.formatName)?") { break }
            }
        }
        if rows == 0 && !diagnostics.hasErrors {
            diagnostics.report(.error(at: SourceLocation(path: path, line: 2), "the file has a header but no rows",
                                      hint: "add one row per session below the header, oldest first"))
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
        return layout.symbol == nil ? [symbol: single.finished] : builders.mapValues(\.finished)
    }

    /// Moves to the header row; false when the file has none.
    static func readHeader(_ reader: inout CSVReader, path: String) throws(DiagnosticReport) -> Bool {
        do { return try reader.nextRow() } catch { throw DiagnosticReport([error]) }
    }
}

/// One validated row of a price file.
struct PriceRow {
    /// The row's symbol in a long-format file.
    var symbol: String?
    var date: SessionDate
    var open, high, low, close: Double
    var adjustedClose: Double?
    var volume: Double?
    /// Every price is `null`: Yahoo's row for a day without trading, left out of the series.
    var isNull = false

    init(_ reader: CSVReader, _ layout: PriceFileLayout) throws(Diagnostic) {
        guard reader.fieldCount == layout.columnCount else {
            let problem = reader.fieldCount < layout.columnCount ? "missing" : "extra"
            throw .error(at: reader.location(ofField: min(reader.fieldCount, layout.columnCount)),
                         "expected \(layout.columnCount) fields, found \(reader.fieldCount) (\(problem) values)",
                         hint: reader.isAtEnd && problem == "missing" ? "the last line looks truncated" : "every row must have a value for each header column")
        }
        guard let date = reader.withField(layout.date, { field in
            SessionDate.parseISO(field) ?? (layout.isNasdaqCom ? SessionDate.parseUS(field) : nil)
                ?? ObservationPeriod.parse(field).flatMap { $0.frequency == .daily ? $0.firstDay : nil }
        }) else {
            throw .error(at: reader.location(ofField: layout.date), "'\(reader.shownText(layout.date))' is not a date",
                         hint: layout.isNasdaqCom ? "a Nasdaq.com file's dates are MM/DD/YYYY" : Self.dateHint(reader, layout))
        }
        guard date.isInSupportedYears else {
            throw .unsupportedYear("\(date)", at: reader.location(ofField: layout.date))
        }
        self.date = date
        if let index = layout.symbol {
            guard !reader.isEmpty(index) else {
                throw .error(at: reader.location(ofField: index), "the symbol is empty",
                             hint: "every row of a long-format file names its symbol")
            }
            symbol = reader.string(index)
        }
        isNull = reader.withField(layout.open, Self.isNull) && reader.withField(layout.high, Self.isNull)
            && reader.withField(layout.low, Self.isNull) && reader.withField(layout.close, Self.isNull)
        guard !isNull else {
            (open, high, low, close) = (.nan, .nan, .nan, .nan)
            return
        }
        open = try Self.price(reader, layout.open, "Open")
        high = try Self.price(reader, layout.high, "High")
        low = try Self.price(reader, layout.low, "Low")
        close = try Self.price(reader, layout.close, "Close")
        adjustedClose = try layout.adjustedClose.map { index throws(Diagnostic) in try Self.price(reader, index, "Adj Close") }
        volume = try layout.volume.map { index throws(Diagnostic) in try Self.volume(reader, index) }
        try checkRange(reader, layout)
    }

    /// A slash date outside a Nasdaq.com download (a spreadsheet's export) is not read, since only
    /// that layout says which number is the month: the hint gives the date to write if it is
    /// month/day/year.
    private static func dateHint(_ reader: CSVReader, _ layout: PriceFileLayout) -> String {
        let plain = "price files use YYYY-MM-DD (or YYYYMMDD) dates"
        guard let us = reader.withField(layout.date, { SessionDate.parseUS($0) }) else { return plain }
        return plain + ": write \(us) if this is month/day/year (slash dates are read only in a Nasdaq.com download, "
            + "whose layout fixes the month)"
    }

    /// `null` in any case, read from the bytes: every row of every file asks (perf: as a String,
    /// one allocation a row).
    private static func isNull(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        field.count == 4 && zip(field, "null".utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    /// The number after a leading `$`, when the field has one (tried only when the field is no
    /// plain number, so the common case costs nothing more).
    private static func dollarAmount(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        field.first == UInt8(ascii: "$") ? NumberParser.double(field.dropFirst()) : nil
    }

    /// A number; a price may carry a leading `$`, as Nasdaq.com writes them.
    private static func number(_ reader: CSVReader, _ index: Int, _ name: String) throws(Diagnostic) -> Double {
        guard let value = reader.withField(index, NumberParser.double) ?? reader.withField(index, Self.dollarAmount) else {
            let text = reader.string(index)
            throw .error(at: reader.location(ofField: index), text.isEmpty ? "\(name) is empty" : "\(name) '\(reader.shownText(index))' is not a number",
                         hint: NumberParser.hint(forRejected: text) ?? "write a finite decimal number such as 101.25")
        }
        return value
    }

    private static func price(_ reader: CSVReader, _ index: Int, _ name: String) throws(Diagnostic) -> Double {
        let value = try number(reader, index, name)
        guard value > 0 else {
            throw .error(at: reader.location(ofField: index), "\(name) must be positive, found \(reader.string(index))",
                         hint: "prices are above zero; fix or remove this row")
        }
        return value
    }

    private static func volume(_ reader: CSVReader, _ index: Int) throws(Diagnostic) -> Double {
        let value = try number(reader, index, "Volume")
        guard value >= 0 else {
            throw .error(at: reader.location(ofField: index), "Volume cannot be negative, found \(reader.string(index))",
                         hint: "write the number of shares traded, or leave the Volume column out")
        }
        return value
    }

    /// High is the highest and Low the lowest price of the session.
    private func checkRange(_ reader: CSVReader, _ layout: PriceFileLayout) throws(Diagnostic) {
        if high < low {
            throw .error(at: reader.location(ofField: layout.high), "High \(reader.string(layout.high)) is below Low \(reader.string(layout.low))",
                         hint: "are the High and Low columns swapped?")
        }
        // Two plain checks: a loop over a literal array allocated that array for every row.
        try checkWithinRange(open, reader, layout.open, "Open", layout)
        try checkWithinRange(close, reader, layout.close, "Close", layout)
    }

    private func checkWithinRange(_ value: Double, _ reader: CSVReader, _ index: Int, _ name: String,
                                  _ layout: PriceFileLayout) throws(Diagnostic) {
        guard value > high || value < low else { return }
        throw .error(at: reader.location(ofField: index),
                     "\(name) \(reader.string(index)) is outside the session's range \(reader.string(layout.low))–\(reader.string(layout.high))",
                     hint: "High must be at least Open and Close, Low at most both")
    }
}

/// Accumulates rows of one symbol, checking that dates strictly increase.
struct PriceSeriesBuilder {
    private(set) var series: PriceSeries
    private var lastLine = 0
    /// The previous row was out of order: a file listed newest first is told once, not on every row.
    private var outOfOrder = false
    private let dateColumn: Int
    /// The file lists its rows newest first (Nasdaq.com's): they are read so, and reversed at the end.
    private let newestFirst: Bool

    init(symbol: String, layout: PriceFileLayout, path: String) {
        dateColumn = layout.date
        newestFirst = layout.isNasdaqCom
        series = PriceSeries(symbol: symbol, dates: [], open: [], high: [], low: [], close: [],
                             adjustedClose: layout.adjustedClose == nil ? nil : [], volume: layout.volume == nil ? nil : [],
                             source: path)
    }

    /// A row of prices appended, or a row of `null` prices left out.
    mutating func add(_ row: PriceRow, _ reader: CSVReader) throws(Diagnostic) {
        if row.isNull { leaveOut(row, reader) } else { try append(row, reader) }
    }

    private mutating func append(_ row: PriceRow, _ reader: CSVReader) throws(Diagnostic) {
        if let last = series.dates.last, newestFirst ? row.date >= last : row.date <= last {
            let location = reader.location(ofField: dateColumn)
            if row.date == last {
                throw .error(at: location, "date \(row.date) appears twice (also on line \(lastLine))",
                             hint: "keep one row per session")
            }
            guard !outOfOrder else { return }
            outOfOrder = true
            guard !newestFirst else {
                throw .error(at: location, "\(row.date) is later than \(last) on line \(lastLine): a Nasdaq.com file lists its rows newest first",
                             hint: "keep the rows as Nasdaq.com wrote them, newest first")
            }
            throw .error(at: location, DateOrder.message(row.date.description, after: last.description, line: lastLine),
                         hint: DateOrder.hint)
        }
        outOfOrder = false
        lastLine = reader.line
        series.dates.append(row.date)
        series.open.append(row.open)
        series.high.append(row.high)
        series.low.append(row.low)
        series.close.append(row.close)
        if let value = row.adjustedClose { series.adjustedClose?.append(value) }
        if let value = row.volume { series.volume?.append(value) }
    }

    /// The series, oldest first.
    var finished: PriceSeries {
        guard newestFirst else { return series }
        var reversed = series
        reversed.dates.reverse()
        reversed.open.reverse()
        reversed.high.reverse()
        reversed.low.reverse()
        reversed.close.reverse()
        reversed.adjustedClose?.reverse()
        reversed.volume?.reverse()
        reversed.nullRows.reverse()
        return reversed
    }

    /// A row of `null` prices: its date and line are kept for `PriceSeries.nullRows`.
    private mutating func leaveOut(_ row: PriceRow, _ reader: CSVReader) {
        series.nullRows.append((row.date, reader.line))
    }
}
