import ArgumentParser
import Foundation
import MarketData
import Publishing

/// `marketnote build`: writes the note of a date (or of many) and publishes the site.
struct BuildCommand: ParsableCommand, LeavesUndone {
    var undone: String { "nothing was published" }

    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the note of a date (default: the last session in the data) and publish the site.")

    @OptionGroup var projectOptions: ProjectOptions

    @Option(help: "The session to write the note for (YYYY-MM-DD).")
    var date: DateArgument?

    @Flag(help: "Write a note for every session in the data.")
    var all = false

    @Flag(help: "Write every note the site has again, and no other (after a marketnote upgrade; a template change rewrites them by itself).")
    var published = false

    @Option(help: "First session of a backfill (YYYY-MM-DD).")
    var from: DateArgument?

    @Option(help: "Last session of a backfill (YYYY-MM-DD).")
    var to: DateArgument?

    @Flag(name: .customLong("email-all"), help: "Write email editions for every note asked for, not only the latest.")
    var emailAll = false

    @Option(help: "Output folder (default: the config's `output`, normally output/).")
    var output: String?

    // Unconditional: `--jobs -1` is a value to refuse with its reason, not a missing one.
    @Option(parsing: .unconditional, help: "Worker threads; 0 is one per core.")
    var jobs: Int = 0

    @Flag(help: "Treat warnings as errors: publish nothing and exit with status 1 (for scripted `build && send`); notes, such as content written ahead of its prices, pass.")
    var strict = false

    func validate() throws {
        let ways = [date != nil, all, published, from != nil || to != nil].filter { $0 }.count
        if ways > 1 { throw ValidationError("use only one of --date, --all, --published, or --from/--to") }
        if let from, let to, from.date > to.date { throw ValidationError("--from \(from.date) is after --to \(to.date)") }
        if jobs < 0 { throw ValidationError("--jobs must be 0 (one per core) or more") }
    }

    func run() throws {
        let selection: DateSelection = all ? .all : published ? .published
            : (from != nil || to != nil) ? .range(from: from?.date, to: to?.date)
            : date.map { .single($0.date) } ?? .latest
        var pipeline = BuildPipeline(options: BuildOptions(
            projectRoot: projectOptions.root, outputPath: output.map(absolute), dates: selection,
            emailForEveryNote: emailAll, jobs: jobs, strict: strict))
        if Terminal.isInteractive && selection != .latest && !(selection != .all && date != nil) {
            pipeline.progress = { done, total in Terminal.progress(done: done, total: total) }
        }
        let summary = try pipeline.run()
        Terminal.printWarnings(summary.warnings)
        Terminal.out(summary.line)
    }

    private func absolute(_ path: String) -> String { FilePath.fromCommandLine(path) }
}
