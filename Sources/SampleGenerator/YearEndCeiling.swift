import Foundation

/// Keeps every IWM close before the year end at most a little above the year-end close, so January's record run starts from a nearby high.
struct YearEndCeiling {
    /// Calendar index of the year-end session.
    let yearEnd: Int
    /// Allowed log distance of earlier closes above the year-end close.
    let headroom: Double
    /// Depth (log) of the band below the ceiling that excursions are folded into.
    let foldDepth = 0.03

    /// Folds any excursion above the ceiling back below it: small ones mirror, large ones are squeezed into the band.
    /// The year-end level and everything after it are unchanged.
    func apply(to path: inout LogPath) {
        var levels = path.logLevels()
        let ceiling = levels[yearEnd] + headroom
        for index in path.startIndex..<yearEnd where levels[index] > ceiling {
            levels[index] = ceiling - foldDepth * tanh((levels[index] - ceiling) / foldDepth)
        }
        for index in path.firstReturnIndex...yearEnd {
            path.returns[index] = levels[index] - levels[index - 1]
        }
    }
}
