import Foundation

/// An instrument's daily log returns on the shared calendar; closes are rebuilt by cumulative sums.
struct LogPath: Sendable {
    let startIndex: Int
    let startLogLevel: Double
    /// One entry per calendar session; zero at and before `startIndex`.
    var returns: [Double]

    var firstReturnIndex: Int { startIndex + 1 }

    func logLevels() -> [Double] {
        var levels = [Double](repeating: 0, count: returns.count)
        var level = startLogLevel
        for index in startIndex..<returns.count {
            if index > startIndex { level += returns[index] }
            levels[index] = level
        }
        return levels
    }

    /// Closing prices; zero before the instrument exists.
    func closes() -> [Double] {
        logLevels().enumerated().map { $0.offset >= startIndex ? exp($0.element) : 0 }
    }
}
