import MarketData

/// Warnings that each point at a row of a series' price file.
enum PriceRowWarnings {
    /// One warning per series for which `warning` gives the date of the row to name and the
    /// warning at that row's line (1 when it is not found); each file is read once for all of them.
    static func make(_ inputs: ProjectInputs,
                     _ warning: (SeriesConfig) -> (date: SessionDate, at: (Int) -> Diagnostic)?) -> [Diagnostic] {
        let found = inputs.config.series.compactMap { series in warning(series).map { (series: series, date: $0.date, at: $0.at) } }
        var lines = [Int](repeating: 1, count: found.count)
        for (file, positions) in Dictionary(grouping: found.indices, by: { found[$0].series.file }) {
            let rows = positions.map { (symbol: found[$0].series.symbol, date: found[$0].date) }
            for (position, line) in zip(positions, PriceFileRows.lines(of: rows, inFile: FilePath.resolve(file, in: inputs.root))) {
                lines[position] = line ?? 1
            }
        }
        return found.indices.map { found[$0].at(lines[$0]) }
    }
}
