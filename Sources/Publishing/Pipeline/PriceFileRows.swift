import Foundation
import MarketData

/// Where a date's row is in a price file, for a warning about it: read again only when a build
/// warns (keeping every row's line in `PriceSeries` would cost 4 bytes a row, 13 MB for a
/// 500-symbol universe).
enum PriceFileRows {
    /// The 1-based line of the file whose row holds `date`, written in any layout the parser reads:
    /// YYYY-MM-DD, YYYYMMDD or Nasdaq.com's MM/DD/YYYY.
    static func line(of date: SessionDate, inFile path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let parts = date.description.split(separator: "-")
        let spellings = [parts.joined(separator: "-"), parts.joined(), "\(parts[1])/\(parts[2])/\(parts[0])"]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { row in spellings.contains { row.contains($0) } }.map { $0 + 1 }
    }
}
