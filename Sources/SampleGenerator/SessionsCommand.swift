import ArgumentParser

/// Prints the generator's NYSE sessions, one ISO date per line, so the calendar can be diffed against a reference.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "Print NYSE sessions in a date range.")

    @Option(help: "First date (YYYY-MM-DD).")
    var from = SampleConstraints.firstSession.description

    @Option(help: "Last date (YYYY-MM-DD).")
    var through = SampleConstraints.lastSession.description

    func validate() throws {
        guard let first = CalendarDate(iso: from), let last = CalendarDate(iso: through), first <= last else {
            throw ValidationError("--from and --through must be YYYY-MM-DD dates with from <= through")
        }
    }

    func run() {
        let calendar = TradingCalendar(from: CalendarDate(from), through: CalendarDate(through))
        print(calendar.sessions.map(\.description).joined(separator: "\n"))
    }
}
