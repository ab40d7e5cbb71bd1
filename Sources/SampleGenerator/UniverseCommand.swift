import ArgumentParser
import Foundation

/// Writes many unconstrained synthetic price files for scaling benchmarks.
struct UniverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "universe",
        abstract: "Write N synthetic Yahoo-style files S0001.csv… (same NYSE calendar, correlated random paths, no constraints)."
    )

    @Option(help: "Number of symbols to write.")
    var symbols: Int

    @Option(help: "Directory to write the files into.")
    var output: String

    @Option(help: "Years of history ending \(SampleConstraints.lastSession).")
    var years = 26

    func validate() throws {
        guard symbols > 0 else { throw ValidationError("--symbols must be positive") }
        guard (1...200).contains(years) else { throw ValidationError("--years must be between 1 and 200") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = UniverseBuilder(symbolCount: symbols, years: years, seed: SampleBuilder.defaultSeed)
        let rows = try builder.write(to: URL(fileURLWithPath: output, isDirectory: true))
        print("wrote \(symbols) files × \(rows) rows to \(output) in \(clock.now - start)")
    }
}
