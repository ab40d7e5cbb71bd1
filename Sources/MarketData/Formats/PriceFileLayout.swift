/// Which column of a price file holds what, detected from its header.
///
/// Recognises Yahoo Finance (`Date,Open,High,Low,Close,Adj Close,Volume`, with or without
/// `Adj Close`), Stooq (`Date,Open,High,Low,Close,Volume`, and the bulk form
/// `<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,…`), Nasdaq.com (`Date,Close/Last,Volume,Open,High,Low`,
/// newest first, `$` prices, `MM/DD/YYYY` dates), and a long form with a `symbol` column holding
/// many symbols.
public struct PriceFileLayout: Sendable, Equatable {
    public var date: Int
    public var open: Int
    public var high: Int
    public var low: Int
    public var close: Int
    public var adjustedClose: Int?
    public var volume: Int?
    public var symbol: Int?
    public var columnCount: Int
    /// A short name of the format, for messages.
    public var formatName: String
    /// Nasdaq.com's layout: rows newest first, dates `MM/DD/YYYY` (its `Close/Last` column tells it).
    public var isNasdaqCom = false

    static let synonyms: [String: String] = [
        "date": "date", "day": "date", "timestamp": "date", "observationdate": "date",
        "open": "open", "high": "high", "low": "low", "close": "close", "last": "close", "close/last": "close",
        "adjclose": "adjclose", "adjustedclose": "adjclose",
        "volume": "volume", "vol": "volume",
        "symbol": "symbol", "ticker": "symbol",
    ]
    /// Columns some exporters add that carry nothing marketnote uses.
    static let ignorable: Set<String> = ["per", "time", "openint", "openinterest"]

    /// Reads the header row at the reader's current row.
    static func detect(_ reader: CSVReader) throws(DiagnosticReport) -> PriceFileLayout {
        var positions: [String: Int] = [:]
        var problems: [Diagnostic] = []
        let expected = "Date, Open, High, Low, Close, optional Adj Close and Volume (and Symbol for a file of many symbols)"
        if reader.fieldCount == 1, let delimiter = HeaderDelimiter.guess(reader.string(0)) {
            throw DiagnosticReport([.error(at: reader.location(ofField: 0),
                "the header is one column; the file looks \(delimiter)-separated",
                hint: "marketnote reads comma-separated files; export with ',' as the delimiter")])
        }
        let names = (0..<reader.fieldCount).map { ColumnName.canonical(reader.string($0)) }
        guard names.contains(where: { synonyms[$0] != nil }) else {
            let text = ControlCharacters.escaped(String((0..<reader.fieldCount).map(reader.string).joined(separator: ",").prefix(60)))
            throw DiagnosticReport([.error(at: reader.rowLocation, "the first line is not a price-file header: '\(text)'",
                                           hint: "expected \(expected)")])
        }
        for (index, name) in names.enumerated() {
            if ignorable.contains(name) { continue }
            guard let role = synonyms[name] else {
                problems.append(.error(at: reader.location(ofField: index), "unknown column '\(reader.shownText(index))' in a price file",
                                       hint: "expected \(expected)"))
                continue
            }
            if positions[role] != nil {
                problems.append(.error(at: reader.location(ofField: index), "column '\(reader.shownText(index))' appears twice",
                                       hint: "keep one column per price; remove or rename the other one"))
            }
            positions[role] = index
        }
        for role in ["date", "open", "high", "low", "close"] where positions[role] == nil {
            problems.append(.error(at: reader.rowLocation, "the header has no '\(role.capitalized)' column",
                                   hint: "expected \(expected)"))
        }
        if !problems.isEmpty { throw limited(problems, reader) }
        let isNasdaqCom = names.contains("close/last")
        let format = positions["symbol"] != nil ? "long-format price file" : isNasdaqCom ? "Nasdaq.com CSV"
            : positions["adjclose"] != nil ? "Yahoo Finance CSV" : "OHLCV CSV"
        var layout = PriceFileLayout(date: positions["date"]!, open: positions["open"]!, high: positions["high"]!,
                                     low: positions["low"]!, close: positions["close"]!, adjustedClose: positions["adjclose"],
                                     volume: positions["volume"], symbol: positions["symbol"], columnCount: reader.fieldCount,
                                     formatName: format)
        layout.isNasdaqCom = isNasdaqCom
        return layout
    }

    /// The header's problems, as many as a file's rows may have (a file that is no price file
    /// has a header of nothing but unknown columns).
    private static func limited(_ problems: [Diagnostic], _ reader: CSVReader) -> DiagnosticReport {
        var diagnostics = DiagnosticCollector()
        for problem in problems {
            if ErrorLimit.isReached(reporting: problem, to: &diagnostics, stopAt: reader.rowLocation, hint: "is this a price file?") { break }
        }
        return DiagnosticReport(diagnostics.diagnostics)
    }
}

/// Names the delimiter of a header that was not split on commas.
enum HeaderDelimiter {
    static func guess(_ header: String) -> String? {
        if header.contains(";") { return "semicolon" }
        if header.contains("\t") { return "tab" }
        if header.contains("|") { return "pipe" }
        return nil
    }
}
