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
    /// Per lead (an index into `focusLeads.runs`): how many earlier leads came after a gap at
    /// least as long as the one before it.
    private let earlierLeadsAfterAsLongAGap: [Int32]

    public init(config: BreadthConfig, table: ObservationTable) {
        self.config = config
        self.table = table
        focusIndex = config.groups.firstIndex { $0.column == config.focus } ?? 0
        leader = table.periods.indices.map { t in Self.leader(of: table.values.map { $0[t] }) }
        let focus = focusIndex
        // A lead is judged from the first reading with every group's figure: a lead after an
        // incomplete first reading (a blank cell) is not "the first in this data" either.
        let firstComplete = table.periods.indices.first { t in table.values.allSatisfy { $0[t] != nil } } ?? 0
        focusLeads = RunHistory(leader.map { $0 == focus }, judgedFrom: firstComplete)
        let runs = focusLeads.runs
        let gaps = runs.indices.map { i in runs[i].start - (i > 0 ? runs[i - 1].end : -1) }
        earlierLeadsAfterAsLongAGap = EarlierCountIndex(integers: gaps).atLeast
    }

    /// The index of the value strictly greater than all others.
    static func leader(of values: [Double?]) -> Int? {
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        let present = values.map { $0! }
        let best = present.indices.max { present[$0] < present[$1] }!
        return present.indices.allSatisfy { $0 == best || present[$0] < present[best] } ? best : nil
    }

    public func position(knownOn date: SessionDate) -> Int? {
        let known = config.availability.knownCount(table.periods, on: date)
        return known > 0 ? known - 1 : nil
    }

    /// The session on which an observation of `period` became known.
    public func knownDate(_ period: ObservationPeriod) -> SessionDate {
        config.availability.knownDate(period)
    }

    /// Periods in which a new lead of the focus group started, before position `t`'s lead.
    public func earlierLeadStarts(before t: Int) -> [Int] {
        focusLeads.runs[openingLeads..<max(openingLeads, earlierLeads(before: t))].map(\.start)
    }

    /// Whether the focus group took the lead at `t`: it leads, and did not in an earlier reading.
    /// A lead the data open with was not taken in the data (the first reading has no earlier one).
    public func isNewLead(at t: Int) -> Bool {
        focusLeads.length[t] == 1 && t > focusLeads.firstJudged
    }

    /// 1 when the data open with a lead of the focus group, which is not a lead taken in the data.
    private var openingLeads: Int {
        focusLeads.runs.first.map(focusLeads.opensTheData) == true ? 1 : 0
    }

    /// How many leads of the focus group started before position `t`'s lead (before t + 1 when
    /// the focus group does not lead at t). Runs are in order, so a binary search finds them.
    private func earlierLeads(before t: Int) -> Int {
        let currentStart = t - Int(focusLeads.length[t]) + 1
        return focusLeads.runs.partitioningIndex { $0.start >= currentStart }
    }

    public func facts(at t: Int, outcomes: SignalOutcomeFacts?) -> BreadthFacts {
        let length = Int(focusLeads.length[t])
        let earlier = earlierLeads(before: t)
        let isNew = isNewLead(at: t)
        // The earlier leads all ended before the current one began; on a new lead, the lead at
        // index `earlier` is the current one.
        let previousRun = earlier > 0 ? focusLeads.runs[earlier - 1] : nil
        let years = table.periods[0].firstDay.years(until: table.periods[t].lastDay)
        return BreadthFacts(
            id: config.id, name: config.name, shortName: config.shortName, topics: config.topics, period: table.periods[t],
            knownSince: knownDate(table.periods[t]),
            groups: config.groups.enumerated().map { index, group in
                BreadthGroupValue(column: group.column, label: group.label, plural: group.plural, value: table.values[index][t])
            },
            focus: config.focus, leader: leader[t].map { config.groups[$0].column },
            focusLeads: length > 0, newLead: isNew, leadLength: length,
            leadLengthIsMinimum: focusLeads.lowerBoundFlag(focusLeads.currentRun(at: t)),
            previousLead: previousRun.map { table.periods[$0.end] }, earlierLeads: max(0, earlier - openingLeads),
            rarity: isNew ? Rarity(earlierOccurrences: Int(earlierLeadsAfterAsLongAGap[earlier]), yearsOfHistory: years) : .common,
            outcomes: outcomes)
    }
}
