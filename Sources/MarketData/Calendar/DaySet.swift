/// A set of dates held as a bit for each day from the earliest to the latest: a look-up is an
/// index and a mask, where a `Set` hashes the date (the kept-file rule asks once for each of a
/// site's 36,000 files, the NYSE calendar once for every row of every price file; through a
/// `Set`, about 190 instructions a look-up, callgrind).
public struct DaySet: Sendable {
    private let first: Int
    /// The days from the earliest to the latest, both included.
    private let span: Int
    private let words: [UInt64]

    public init(_ dates: [SessionDate]) {
        let days = dates.map { Int($0.dayNumber) }
        guard let low = days.min(), let high = days.max() else {
            (first, span, words) = (0, 0, [])
            return
        }
        var words = [UInt64](repeating: 0, count: (high - low) / 64 + 1)
        for day in days { words[(day - low) >> 6] |= 1 << UInt64((day - low) & 63) }
        (first, span, self.words) = (low, high - low + 1, words)
    }

    public func contains(_ date: SessionDate) -> Bool {
        let index = Int(date.dayNumber) - first
        guard index >= 0 && index < span else { return false }
        return words[index >> 6] & 1 << UInt64(index & 63) != 0
    }
}
