import ArgumentParser

/// Entry point: writes the committed synthetic sample by default; subcommands cover benchmarks and the calendar.
@main
struct MarketnoteSample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketnote-sample",
        abstract: "Generate deterministic synthetic market data (not real prices) for marketnote.",
        subcommands: [GenerateCommand.self, UniverseCommand.self, SessionsCommand.self],
        defaultSubcommand: GenerateCommand.self
    )
}
