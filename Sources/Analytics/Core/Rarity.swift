import Foundation
import MarketData

/// How unusual a fact is in its own history: how often something at least as extreme happened.
///
/// The score is log10 of the years per occurrence (counting this one), so a 10-session streak
/// seen 3 times before in 25 years scores log10(25 / 4) ≈ 0.8, and a daily move that happens
/// 40 times a year scores about −1.6. Facts of different kinds are ranked on this one scale.
public struct Rarity: Sendable, Hashable, Codable, Comparable {
    /// Earlier occurrences at least as extreme.
    public var earlierOccurrences: Int
    /// Length of the history searched, in years.
    public var yearsOfHistory: Double

    public init(earlierOccurrences: Int, yearsOfHistory: Double) {
        self.earlierOccurrences = earlierOccurrences
        self.yearsOfHistory = yearsOfHistory
    }

    public static let common = Rarity(earlierOccurrences: 1000, yearsOfHistory: 1)

    public var score: Double {
        let years = max(yearsOfHistory, 1.0 / 12.0)
        return log10(years / Double(earlierOccurrences + 1))
    }

    public static func < (lhs: Rarity, rhs: Rarity) -> Bool { lhs.score < rhs.score }

    public enum CodingKeys: String, CodingKey {
        case earlierOccurrences, yearsOfHistory, score
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        earlierOccurrences = try container.decode(Int.self, forKey: .earlierOccurrences)
        yearsOfHistory = try container.decode(Double.self, forKey: .yearsOfHistory)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(earlierOccurrences, forKey: .earlierOccurrences)
        try container.encode(yearsOfHistory, forKey: .yearsOfHistory)
        try container.encode(score, forKey: .score)
    }
}

extension SessionDate {
    /// Years from `self` to `later`, for `Rarity`.
    public func years(until later: SessionDate) -> Double {
        Double(later.dayNumber - dayNumber) / 365.25
    }
}
