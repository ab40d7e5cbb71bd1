/// The topics a statement adds to its series' own, by kind of fact: a quote tagged `records` goes
/// with any record run. One list, so a quote's topics can be checked against every topic a
/// statement can carry.
public enum StatementTopic {
    static let records = "records"
    static let streaks = "streaks"
    static let levels = "levels"
    static let drawdown = "drawdown"
    static let performance = "performance"
    static let volatility = "volatility"

    /// Every topic a statement adds, whatever the project.
    public static let builtIn = [records, streaks, levels, drawdown, performance, volatility]
}
