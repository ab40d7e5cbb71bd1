import Foundation

/// Where rows are in a price file, for warnings about them: the file is read again only when a
/// build warns (keeping every row's line in `PriceSeries` would cost 4 bytes a row, 13 MB for a
/// 500-symbol universe), once for all the rows a check names in it.
public enum PriceFileRows {
    /// The 1-based line of each row asked for: the row dated `date` whose symbol is `symbol` in a
    /// long-format file, or dated `date` in a one-symbol file; nil for one not found. Rows are read
    /// as the parser reads them, so a date is found in every layout it accepts, and a long-format
    /// file's row of another symbol on that date is never taken for it.
    public static func lines(of rows: [(symbol: String, date: SessionDate)], inFile path: String) -> [Int?] {
        var found = [Int?](repeating: nil, count: rows.count)
        guard let data = FileManager.default.contents(atPath: path) else { return found }
        var reader = CSVReader(path: path, bytes: Array(data))
        guard (try? reader.nextRow()) == true, let layout = try? PriceFileLayout.detect(reader) else { return found }
        var wanted: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() { wanted[key(layout.symbol == nil ? nil : row.symbol, row.date), default: []].append(index) }
        while !wanted.isEmpty, (try? reader.nextRow()) == true {
            guard let row = try? PriceRow(reader, layout), let indices = wanted.removeValue(forKey: key(row.symbol, row.date)) else { continue }
            for index in indices { found[index] = reader.line }
        }
        return found
    }

    private static func key(_ symbol: String?, _ date: SessionDate) -> String {
        (symbol ?? "") + " " + date.description
    }
}
