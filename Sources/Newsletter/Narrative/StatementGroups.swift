import Analytics

/// Series in the same state told in one statement instead of one each, so its wording is not
/// repeated ("SPY and IWM both traded at 52-week highs."): shared by the level and move statements.
enum StatementGroups {
    /// A statement per series, except that series of the same kind share one, placed where its
    /// first member's would be; a series of no kind (nil) gets none.
    static func grouped<Kind: Hashable>(
        _ series: [SeriesFacts], by kind: (SeriesFacts) -> Kind?,
        single: (SeriesFacts, Kind, NarrativeContext) -> Statement,
        shared: ([SeriesFacts], Kind, NarrativeContext) -> Statement, _ context: NarrativeContext
    ) -> [Statement] {
        let classified = series.compactMap { member in kind(member).map { (member, $0) } }
        var told: Set<Kind> = []
        return classified.compactMap { member, kind in
            let group = classified.filter { $0.1 == kind }.map(\.0)
            guard group.count > 1 else { return single(member, kind, context) }
            return told.insert(kind).inserted ? shared(group, kind, context) : nil
        }
    }

    /// The topics of the series in a group, in order, each once, and the statement's own.
    static func topics(_ group: [SeriesFacts], _ own: String) -> [String] {
        var topics: [String] = []
        for topic in group.flatMap(\.topics) + [own] where !topics.contains(topic) { topics.append(topic) }
        return topics
    }

    /// What every group phrase names its members by: "{{names}} {{all}} …" ("IWM and SPY both").
    static func names(_ group: [SeriesFacts]) -> [String: String] {
        ["names": NarrativeContext.list(group.map { MarkdownEscaping.text($0.symbol) }),
         "all": group.count == 2 ? "both" : "all"]
    }
}
