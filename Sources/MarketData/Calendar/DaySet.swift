/// A set of dates held as a flag for each day from the earliest to the latest: a look-up is an
/// index, where a `Set` hashes the date (the kept-file rule asks once for each of a site's
/// 36,000 files; through a `Set`, about 250 instructions a file, callgrind).
public struct DaySet: Sendable {
    private let first: Int
    private let flags: [Bool]

    public init(_ dates: some Sequence<SessionDate>) {
        let days = dates.map { Int($0.dayNumber) }
        guard let low = days.min(), let high = days.max() else {
            (first, flags) = (0, [])
            return
        }
        var flags = [Bool](repeating: false, count: high - low + 1)
        for day in days { flags[day - low] = true }
        (first, self.flags) = (low, flags)
    }

    public func contains(_ date: SessionDate) -> Bool {
        let index = Int(date.dayNumber) - first
        return flags.indices.contains(index) && flags[index]
    }
}
