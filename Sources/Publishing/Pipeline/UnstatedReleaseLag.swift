import MarketData

/// A macro or breadth series read as a release (`available: period-end`) with no `lagDays`: each
/// reading is then known on the first session after its period, before any release of it (GDP's
/// advance estimate comes about 30 days after its quarter), and a note headlines a number nobody
/// had. Writing `lagDays: 0` says the reading really is known as its period ends.
public enum UnstatedReleaseLag {
    static func warnings(_ inputs: ProjectInputs) -> [Diagnostic] {
        let entries: [(id: String, availability: Availability, entry: any ConfigEntry)] =
            inputs.config.macro.map { ($0.id, $0.availability, $0) } + inputs.config.breadth.map { ($0.id, $0.availability, $0) }
        return entries.compactMap { id, availability, entry in
            guard availability.anchor == .periodEnd, entry.valueLocations["lagDays"] == nil else { return nil }
            return Diagnostic(.warning, at: entry.location(of: "available"),
                              "\(id) is available at its period's end with no lagDays: the notes tell each reading on "
                                  + "the first session after its period, before it was released",
                              hint: "add lagDays with the days from a period's end to its release (30 for GDP's advance "
                                  + "estimate), or lagDays: 0 when a reading is known as its period ends")
        }
    }
}
