import MarketData

/// A breadth table analysed for every period: which group leads, new leads of the focus group,
/// and when it last led.
public struct BreadthAnalysis: Sendable {
    public let config: BreadthConfig
    public let table: ObservationTable
    /// Per period: the group strictly above every other group, or nil (a tie or a missing value).
    public let leader: [Int?]
    public let focusLeads: RunHistory
    private let focusIndex: Int

    public init(config: BreadthConfig, table: ObservationTable) {
        self.config = config
        self.table = table
        focusIndex = config.groups.firstIndex { $0.column == config.focus } ?? 0
        leader = table.periods.indices.map { t in Self.leader(of: table.values.map { $0[t] }) }
        let focus = focusIndex
        focusLeads = RunHistory(leader.map { $0 == focus })
    }

    /// The index of the value strictly greater than all others.
    static func leader(of values: [Double?]) -> Int? {
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        let present = values.map { $0! }
        let best = present.indices.max { present[$0] < present[$1] }!
        return present.indices.allSatisfy { $0 == best || present[$0] < present[best] } ? best : nil
    }

    public func position(knownOn date: SessionDate) -> Int? {
        table.periods.lastIndex { Availability.isKnown($0, on: date, config.availability) }
    }

    /// The session on which an observation of `period` became known.
    public func knownDate(_ period: ObservationPeriod) -> SessionDate {
        config.availability.knownDate(period)
    }

    /// Periods in which a new lead of the focus group started, before position `t`'s lead.
    public func earlierLeadStarts(before t: Int) -> [Int] {
        let currentStart = focusLeads.length[t] > 0 ? t - Int(focusLeads.length[t]) + 1 : t + 1
        return focusLeads.runs.lazy.map(\.start).filter { $0 < currentStart }
    }

    public func facts(at t: Int, outcomes: SignalOutcomeFacts?) -> BreadthFacts {
        let length = Int(focusLeads.length[t])
        let currentStart = length > 0 ? t - length + 1 : t + 1
        let previousRun = focusLeads.runs.last { $0.end < currentStart }
        let earlier = earlierLeadStarts(before: t)
        let gap = currentStart - (previousRun?.end ?? -1)
        let earlierAsLongGaps = earlier.enumerated().filter { index, start in
            let previousEnd = index > 0 ? focusLeads.runs[index - 1].end : -1
            return start - previousEnd >= gap
        }.count
        let years = table.periods[0].firstDay.years(until: table.periods[t].lastDay)
        return BreadthFacts(
            id: config.id, name: config.name, shortName: config.shortName, topics: config.topics, period: table.periods[t],
            knownSince: knownDate(table.periods[t]),
            groups: config.groups.enumerated().map { index, group in
                BreadthGroupValue(column: group.column, label: group.label, plural: group.plural, value: table.values[index][t])
            },
            focus: config.focus, leader: leader[t].map { config.groups[$0].column },
            focusLeads: length > 0, newLead: length == 1, leadLength: length,
            previousLead: previousRun.map { table.periods[$0.end] }, earlierLeads: earlier.count,
            rarity: length == 1 ? Rarity(earlierOccurrences: earlierAsLongGaps, yearsOfHistory: years) : .common,
            outcomes: outcomes)
    }
}
