import MarketData

/// The sessions on which a series first closed a yardstick below its record close within a
/// drawdown: the day it "enters a correction" (10%) or "enters a bear market" (20%). A drawdown
/// ends at the next record close, so each yardstick is entered at most once per drawdown.
struct DrawdownEntries: Sendable {
    let yardstick: DrawdownYardstick
    /// Each entry session, ascending.
    let sessions: [Int]

    init(closes: [Double], recordIndex: [Int32], yardstick: DrawdownYardstick) {
        self.yardstick = yardstick
        var sessions: [Int] = []
        var record = -1, entered = false
        for t in closes.indices {
            let r = Int(recordIndex[t])
            if r != record { (record, entered) = (r, false) }
            if !entered, yardstick.isReached(by: closes[t] / closes[r] - 1) {
                sessions.append(t)
                entered = true
            }
        }
        self.sessions = sessions
    }

    /// When `t` enters the territory: how many earlier drawdowns did, and the latest of them.
    func entry(at t: Int) -> (earlier: Int, previous: Int?)? {
        let index = sessions.partitioningIndex { $0 >= t }
        guard index < sessions.count, sessions[index] == t else { return nil }
        return (index, index > 0 ? sessions[index - 1] : nil)
    }
}
