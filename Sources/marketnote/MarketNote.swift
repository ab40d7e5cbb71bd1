import ArgumentParser
import Foundation
import MarketData

/// The `marketnote` command: a thin shell over the library. Exit status 1 for bad input or output
/// that could not be written, 2 for bad usage.
@main
struct MarketNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marketnote",
        abstract: "Writes a daily market note from price files and publishes it as a static site and email editions.",
        version: MarketNote.version,
        subcommands: [BuildCommand.self, FactsCommand.self, SendCommand.self, TemplatesCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// Printed by `marketnote --version`, for bug reports.
    static let version = "0.9.0"

    static func main() {
        var command: ParsableCommand?
        do {
            command = try parseAsRoot()
            try command?.run()
            if let code = Terminal.outputFailure {
                // A build or a send has done its work (the site is published, the mail sent) when it
                // prints its summary: only the line is lost, and status 1 would say the work was not done.
                let done = command is LeavesUndone
                Terminal.err("\(done ? "warning" : "error"): cannot write the output: \(String(cString: strerror(code)))\n")
                if !done { Foundation.exit(1) }
            }
        } catch let report as DiagnosticReport {
            Terminal.printDiagnostics(report, undone: (command as? LeavesUndone)?.undone)
            Foundation.exit(1)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.err(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A command that changes something (the site, a mailbox): on bad input the last line of its
/// diagnostics says what it left undone.
protocol LeavesUndone {
    var undone: String { get }
}

/// Options every command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder (holding marketnote.yml).")
    var project: String = "."

    var root: String {
        FilePath.fromCommandLine(project)
    }
}

/// Parses a `YYYY-MM-DD` option value.
struct DateArgument: ExpressibleByArgument {
    let date: SessionDate

    init?(argument: String) {
        guard let date = SessionDate(argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
