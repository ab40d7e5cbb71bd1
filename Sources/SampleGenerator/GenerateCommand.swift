import ArgumentParser
import Foundation

/// Writes the constrained sample and verifies it, failing loudly if any promised fact does not hold.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write SPY/IWM/MAGS prices, the GDP nowcast and guidance breadth, then verify every constraint."
    )

    @Option(help: "Directory to write the files into.")
    var output = "content/data"

    @Option(help: "Random seed; the committed sample uses the default.")
    var seed = SampleBuilder.defaultSeed

    func run() throws {
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        let dataset = try SampleBuilder(seed: seed).build()
        for name in try SampleWriter(directory: directory).write(dataset) {
            print("wrote \(directory.appendingPathComponent(name).relativePath)")
        }
        let report = try SampleVerifier(directory: directory).verify()
        report.lines.forEach { print($0) }
        guard report.passed else {
            throw SampleGenerationError(description: "\(report.failures.count) constraint(s) failed:\n" + report.failures.joined(separator: "\n"))
        }
        print("all \(report.lines.count) checks passed")
    }
}
