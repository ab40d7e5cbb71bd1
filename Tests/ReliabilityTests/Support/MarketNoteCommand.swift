import Foundation
import MarketData
import Publishing
import TestSupport

/// `marketnote build` as a test runs it: the real binary in a subprocess when it was built beside
/// the tests (so the exit status and the text on stderr are the ones a user gets), otherwise the
/// same pipeline in-process, with the exit status the CLI would give.
enum MarketNoteCommand {
    /// The `marketnote` executable next to the test bundle (`.build*/debug/`), if there is one.
    static let binary: String? = {
        let folders = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
        return folders.map { $0.appendingPathComponent("marketnote").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func build(_ request: BuildRequest) throws -> Result {
        guard let binary else { return inProcess(request) }
        return try RunningBuild(binary, request).wait()
    }

    private static func inProcess(_ request: BuildRequest) -> Result {
        do {
            let summary = try BuildPipeline(options: request.options).run()
            return Result(status: 0, stdout: "wrote \(summary.notes) notes\n",
                          stderr: summary.warnings.map { $0.description + "\n" }.joined())
        } catch {
            let count = error.errors.count
            return Result(status: 1, stdout: "",
                          stderr: error.description + "\n\(count) error\(count == 1 ? "" : "s"); nothing was published\n")
        }
    }
}

/// The binary running a build in a subprocess; stdout and stderr go to files, so a full pipe
/// never blocks it.
struct RunningBuild {
    let process = Process()
    private let logs = ScratchFolder.make("run") + "/log"

    init(_ binary: String, _ request: BuildRequest, extraArguments: [String] = []) throws {
        try self.init(binary, arguments: request.arguments + extraArguments)
    }

    /// Any `marketnote` command line: `["facts", "--project", …]`.
    init(_ binary: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        for stream in [".out", ".err"] { _ = FileManager.default.createFile(atPath: logs + stream, contents: nil) }
        process.standardOutput = FileHandle(forWritingAtPath: logs + ".out")
        process.standardError = FileHandle(forWritingAtPath: logs + ".err")
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// Stops the build at once, as a power cut or the OOM killer would.
    func kill() {
        _ = Foundation.kill(process.processIdentifier, SIGKILL)
    }

    func wait() throws -> MarketNoteCommand.Result {
        process.waitUntilExit()
        defer { for stream in [".out", ".err"] { try? FileManager.default.removeItem(atPath: logs + stream) } }
        return MarketNoteCommand.Result(status: process.terminationStatus,
                                        stdout: try String(contentsOfFile: logs + ".out", encoding: .utf8),
                                        stderr: try String(contentsOfFile: logs + ".err", encoding: .utf8))
    }
}

/// One `marketnote build` invocation, as arguments for the binary or options for the pipeline.
struct BuildRequest: Sendable {
    var project: String
    var output: String
    var dates: DateSelection = .latest
    var jobs = 0
    var emailForEveryNote = false

    var arguments: [String] {
        var arguments = ["build", "--project", project, "--output", output]
        switch dates {
        case .latest: break
        case .all: arguments.append("--all")
        case .published: arguments.append("--published")
        case .single(let date): arguments += ["--date", date.description]
        case .range(let from, let to):
            arguments += (from.map { ["--from", $0.description] } ?? []) + (to.map { ["--to", $0.description] } ?? [])
        }
        if jobs > 0 { arguments += ["--jobs", String(jobs)] }
        if emailForEveryNote { arguments.append("--email-all") }
        return arguments
    }

    var options: BuildOptions {
        BuildOptions(projectRoot: project, outputPath: output, dates: dates, emailForEveryNote: emailForEveryNote, jobs: jobs)
    }
}
