import Foundation

/// A deliberately naive second implementation of the definitions in DESIGN.md, written without
/// any of the Analytics code: plain loops over rows parsed with `split(separator: ",")`, each
/// answer searched from scratch. It is slow and obviously right, which is its job.
struct NaiveSeries {
    let dates: [String]
    let high: [Double]
    let low: [Double]
    let close: [Double]

    init(csv path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        let rows = lines.map { $0.split(separator: ",").map(String.init) }
        dates = rows.map { $0[0] }
        high = rows.map { Double($0[2])! }
        low = rows.map { Double($0[3])! }
        close = rows.map { Double($0[4])! }
    }

    func index(of date: String) -> Int? { dates.firstIndex(of: date) }

    static func year(_ date: String) -> Int { Int(date.prefix(4))! }
    static func month(_ date: String) -> Int { Int(date.dropFirst(5).prefix(2))! }

    /// Close-to-close return against the base session a period definition picks.
    func periodReturn(_ period: String, at t: Int) -> Double? {
        let date = dates[t]
        var base: Int?
        switch period {
        case "1D": base = t >= 1 ? t - 1 : nil
        case "5D": base = t >= 5 ? t - 5 : nil
        case "MTD": base = (0..<t).last { Self.year(dates[$0]) != Self.year(date) || Self.month(dates[$0]) != Self.month(date) }
        case "QTD": base = (0..<t).last { Self.year(dates[$0]) != Self.year(date) || (Self.month(dates[$0]) - 1) / 3 != (Self.month(date) - 1) / 3 }
        case "YTD": base = (0..<t).last { Self.year(dates[$0]) != Self.year(date) }
        case "1Y":
            var target = String(Self.year(date) - 1) + date.dropFirst(4)
            if target.hasSuffix("02-29") { target = String(target.dropLast(2)) + "28" }
            base = (0..<t).last { dates[$0] <= target }
        default: base = nil
        }
        guard let base else { return nil }
        return close[t] / close[base] - 1
    }

    func isIntradayRecord(_ t: Int) -> Bool { t > 0 && high[t] > high[0..<t].max()! }
    func isClosingRecord(_ t: Int) -> Bool { t > 0 && close[t] > close[0..<t].max()! }

    /// Consecutive positions ending at t where `holds` is true.
    static func streak(at t: Int, _ holds: (Int) -> Bool) -> Int {
        var length = 0
        var k = t
        while k >= 0 && holds(k) {
            length += 1
            k -= 1
        }
        return length
    }

    /// The last earlier run (before the run ending at t) reaching `length`: its end position and length.
    static func lastRun(before t: Int, reaching length: Int, _ holds: (Int) -> Bool) -> (end: Int, length: Int)? {
        var k = t - streak(at: t, holds)
        while k >= 0 {
            let run = streak(at: k, holds)
            if run >= length { return (k, run) }
            k -= max(run, 1)
        }
        return nil
    }

    func highestCloseSince(_ t: Int) -> Int? { (0..<t).last { close[$0] >= close[t] } }
    func lowestCloseSince(_ t: Int) -> Int? { (0..<t).last { close[$0] <= close[t] } }

    func yearHigh(_ t: Int) -> Bool {
        let start = Self.yearEarlier(dates[t])
        guard dates[0] <= start else { return false }
        let window = (0..<t).filter { dates[$0] > start }
        return !window.isEmpty && high[t] > window.map { high[$0] }.max()!
    }

    static func yearEarlier(_ date: String) -> String {
        let target = String(year(date) - 1) + date.dropFirst(4)
        return target.hasSuffix("02-29") ? String(target.dropLast(2)) + "28" : target
    }

    /// Drawdown of the close from the highest close up to t.
    func drawdown(_ t: Int) -> Double { close[t] / close[0...t].max()! - 1 }
}

/// "A beat B" over the sessions two naive series share.
struct NaivePair {
    let a: NaiveSeries
    let b: NaiveSeries
    let common: [String]
    private let rowA: [String: Int]
    private let rowB: [String: Int]

    init(_ a: NaiveSeries, _ b: NaiveSeries) {
        self.a = a
        self.b = b
        rowA = Dictionary(uniqueKeysWithValues: a.dates.enumerated().map { ($1, $0) })
        rowB = Dictionary(uniqueKeysWithValues: b.dates.enumerated().map { ($1, $0) })
        let inB = Set(b.dates)
        common = a.dates.filter { inB.contains($0) }
    }

    /// Both returns from the previous common session (README: a file that lacks a row would
    /// otherwise set a two-day return against a one-day one).
    func beat(_ k: Int) -> Bool {
        guard k > 0 else { return false }
        let i = rowA[common[k]]!, j = rowB[common[k]]!
        let i0 = rowA[common[k - 1]]!, j0 = rowB[common[k - 1]]!
        return a.close[i] / a.close[i0] - 1 > b.close[j] / b.close[j0] - 1
    }
}
