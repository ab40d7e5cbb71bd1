import MarketData

/// A price file that stops a few sessions short of the newest note: most likely the day's file was
/// not dropped in. The note is still built, its returns table dates that series' last close, and
/// the build says which file is behind.
public enum LateSeries {
    /// A series further behind than this stopped on purpose (a fund closed, a symbol retired):
    /// its notes date it, and the build stops repeating the warning.
    public static let sessionsReported = 5

    /// One warning per series behind the newest note, when that note is of the last session in
    /// the data (an older note is built from the data it had).
    static func warnings(_ inputs: ProjectInputs, sessions: [SessionDate], newest: SessionDate) -> [Diagnostic] {
        guard newest == sessions.last else { return [] }
        return inputs.config.series.compactMap { series in
            guard let last = inputs.prices(series.symbol)?.dates.last, last < newest else { return nil }
            let behind = sessions.count - sessions.partitioningIndex { $0 > last }
            guard behind <= sessionsReported else { return nil }
            return Diagnostic(.warning, at: SourceLocation(path: series.file),
                              "\(series.symbol) has no price for \(newest), the newest session in the data; "
                                  + "the note shows its close of \(last)",
                              hint: "add the missing session\(behind == 1 ? "" : "s") to the file and build again; "
                                  + "a series more than \(sessionsReported) sessions behind is taken to have stopped")
        }
    }
}
