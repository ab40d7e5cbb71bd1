import ArgumentParser

/// Helpers for the benchmark script: the references marketnote is compared with, and timings of
/// single stages that the command line does not expose.
@main
struct BenchTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-tools",
        abstract: "Benchmark helpers for marketnote (see BENCHMARKS.md).",
        subcommands: [ExportMarkdown.self, RenderMarkdown.self, Analytics.self])
}
