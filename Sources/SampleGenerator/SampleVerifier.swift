import Foundation

/// Re-reads the written files and checks every promised fact with plain code that is independent of the shapers.
struct SampleVerifier {
    let directory: URL

    func verify() throws -> VerificationReport {
        var report = VerificationReport()
        let spy = try PriceHistory(directory: directory, symbol: "SPY")
        let iwm = try PriceHistory(directory: directory, symbol: "IWM")
        let mags = try PriceHistory(directory: directory, symbol: "MAGS")
        for history in [spy, iwm, mags] {
            checkLayout(history, firstSession: firstSession(of: history.symbol), report: &report)
        }
        checkRecordStreak(iwm, report: &report)
        checkOutperformanceRuns(leader: iwm, benchmark: spy, report: &report)
        checkYearToDate([spy, iwm, mags], report: &report)
        try checkGDPNowcast(report: &report)
        let firings = try checkGuidance(report: &report)
        checkFollowThrough(after: firings, leader: iwm, benchmark: spy, report: &report)
        return report
    }

    private func firstSession(of symbol: String) -> CalendarDate {
        InstrumentCatalog.all.first { $0.symbol == symbol }?.firstSession ?? SampleConstraints.firstSession
    }

    static func price(_ value: Double) -> String {
        FixedDecimal.string(FixedDecimal.scaled(value, decimals: 2), decimals: 2)
    }

    static func percent(_ value: Double) -> String {
        let sign = value >= 0 ? "+" : "-"
        return sign + FixedDecimal.string(abs(FixedDecimal.scaled(value, decimals: 4)), decimals: 2) + "%"
    }
}
