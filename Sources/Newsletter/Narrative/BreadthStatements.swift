import Analytics
import MarketData

/// Sentences about breadth tables: which group leads, a new lead "for the first time since", what followed.
enum BreadthStatements {
    static func make(_ context: NarrativeContext) -> [Statement] {
        context.facts.breadth.compactMap { breadth in statement(breadth, context) }
    }

    /// Nil for a reading without a new lead that `Staleness.tellsPlainReading` leaves out ("Large
    /// caps lead on …" had been told every day of its month).
    private static func statement(_ breadth: BreadthFacts, _ context: NarrativeContext) -> Statement? {
        guard breadth.newLead || Staleness.tellsPlainReading(since: breadth.knownSince, context) else { return nil }
        let figures = context.figures
        let source = "breadth.\(breadth.id)"
        let focus = breadth.groups.first { $0.column == breadth.focus }
        let leader = breadth.groups.first { $0.column == breadth.leader }
        let others = breadth.groups.filter { $0.column != breadth.focus }.map(\.label)
        var values = [
            "measure": breadth.name, "measureShort": breadth.shortName,
            "focus": focus?.label ?? breadth.focus, "leaderGroup": leader?.label ?? "",
            "others": NarrativeContext.list(others),
            "values": NarrativeContext.list(breadth.groups.map { group in
                "\(group.label) " + (group.value.map { figures.rate($0, unit: "%", source + ".groups.\(group.column)") } ?? "n/a")
            }),
            "length": figures.proseCount(breadth.leadLength, source + ".leadLength"),
            "unit": unit(breadth.period.frequency, breadth.leadLength),
        ].merging(NarrativeContext.agreement(plural: (breadth.newLead || breadth.focusLeads ? focus : leader)?.plural ?? true)) { $1 }
        var sentences: [Sentence] = []
        var blocks: [String] = []
        var headline: String?
        let isNews = Staleness.isNews(since: breadth.knownSince, context)
        // A new lead is new in the first note that knows the reading; the notes after it say
        // since when it has held ("for the first time since" repeated for a month).
        let known = isNews ? "" : "Known"
        if !isNews && breadth.newLead { values["period"] = figures.period(breadth.period, source + ".period") }
        if breadth.newLead {
            if let previous = breadth.previousLead {
                values["since"] = figures.period(previous, source + ".previousLead")
                values["sinceShort"] = figures.period(previous, source + ".previousLead", short: true)
                sentences.append(context.sentence("breadth.newLead" + known, values))
                headline = context.headline("headline.breadthLead", values.merging(["measure": breadth.shortName]) { $1 })
            } else {
                sentences.append(context.sentence("breadth.firstLead" + known, values))
                headline = context.headline("headline.breadthFirstLead", values.merging(["measure": breadth.shortName]) { $1 })
            }
            OutcomeStatements.append(breadth.outcomes, prefix: "breadthOutcome", values: values, source: source + ".outcomes",
                                     earlier: (breadth.earlierLeads, source + ".earlierLeads"), to: &sentences, blocks: &blocks, context)
        } else if breadth.focusLeads {
            // A lead the data open with may have begun before them: it is told without a length.
            sentences.append(context.sentence(breadth.leadLengthIsMinimum == true ? "breadth.leading" : "breadth.stillLeading", values))
        } else if leader != nil {
            values["leader"] = leader?.label ?? ""
            sentences.append(context.sentence("breadth.lostLead", values))
        } else if breadth.groups.contains(where: { $0.value == nil }) {
            values["period"] = figures.period(breadth.period, source + ".period")
            values["missing"] = NarrativeContext.list(breadth.groups.filter { $0.value == nil }.map(\.label))
            sentences.append(context.sentence("breadth.incomplete", values))
        } else {
            sentences.append(context.sentence("breadth.noLeader", values))
        }
        let score = breadth.newLead ? breadth.rarity.score - Staleness.penalty(since: breadth.knownSince, on: context.facts.date) : -1
        var statement = Statement(.breadth, score: score, topics: breadth.topics,
                                  sentences: sentences, headline: isNews ? headline : nil)
        statement.blocks = blocks
        return statement
    }

    private static func unit(_ frequency: Frequency, _ count: Int) -> String {
        switch frequency {
        case .daily: return count == 1 ? "session" : "sessions"
        case .monthly: return count == 1 ? "month" : "months"
        case .quarterly: return count == 1 ? "quarter" : "quarters"
        }
    }
}
