/// A calendar quarter such as 2014Q2, the granularity of the GDP nowcast.
struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    let year: Int
    let number: Int

    init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// A quarter constant written in source code (`YYYYQn`); traps on a typo.
    init(_ literal: String) {
        let parts = literal.split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (1...4).contains(number) else {
            preconditionFailure("invalid quarter literal \(literal)")
        }
        self.init(year: year, number: number)
    }

    var ordinal: Int { year * 4 + number - 1 }
    var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1) }
    var description: String { "\(year.zeroPadded(to: 4))Q\(number)" }

    static func range(from first: Quarter, through last: Quarter) -> [Quarter] {
        Array(sequence(first: first) { $0.next }.prefix { $0 <= last })
    }

    static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}
