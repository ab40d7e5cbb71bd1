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
        var diagnostics = DiagnosticCollector()
        let expected = "Date, Open, High, Low, Close, optional Adj Close and Volume (and Symbol for a file of many symbols)"
        if reader.fieldCount == 1, let delimiter = HeaderDelimiter.guess(reader.string(0)) {
            throw DiagnosticReport([.error(at: reader.location(ofField: 0),
                "the header is one column; the file looks \(delimiter)-separated",
                hint: "marketnote reads comma-separated files; export with ',' as the delimiter")])
        }
        let names = (0..<reader.fieldCount).map { ColumnName.canonical(reader.string($0)) }
        guard names.contains(where: { synonyms[$0] != nil }) else {
            let text = (0..<reader.fieldCount).map(reader.string).joined(separator: ",")
            throw DiagnosticReport([.error(at: reader.rowLocation, "the first line is not a price-file header: '\(text.prefix(60))'",
                                           hint: "expected \(expected)")])
        }
        for (index, name) in names.enumerated() {
            if ignorable.contains(name) { continue }
            guard let role = synonyms[name] else {
                diagnostics.report(.error(at: reader.location(ofField: index), "unknown column '\(reader.string(index))' in a price file",
                                          hint: "expected \(expected)"))
                continue
            }
            if positions[role] != nil {
                diagnostics.report(.error(at: reader.location(ofField: index), "column '\(reader.string(index))' appears twice",
                                          hint: "keep one column per price; remove or rename the other one"))
            }
            positions[role] = index
        }
        for role in ["date", "open", "high", "low", "close"] where positions[role] == nil {
            diagnostics.report(.error(at: reader.rowLocation, "the header has no '\(role.capitalized)' column",
                                      hint: "expected \(expected)"))
        }
        if diagnostics.hasErrors { throw DiagnosticReport(diagnostics.diagnostics) }
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
