import Foundation
import Testing
import TestSupport

/// Output that cannot be written (a full disk; cron's `2>>log` on a full `/var/log`) stopped the
/// process with a crash (status 132, from `FileHandle.write`), or, through `print`'s buffer, was
/// lost with status 0. Lost standard output is now status 1 with a message; a build whose
/// warnings cannot be written still ends as the build did.
@Suite struct UnwritableStreamsTests {
    private func run(_ arguments: [String], stdoutFull: Bool, stderrFull: Bool) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = try #require(MarketNoteCommand.binary, "build the marketnote executable with the tests")
        #expect(FileManager.default.isWritableFile(atPath: "/dev/full"))
        let logs = ScratchFolder.make("streams")
        for stream in ["out", "err"] { _ = FileManager.default.createFile(atPath: logs + "/" + stream, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: stdoutFull ? "/dev/full" : logs + "/out")
        process.standardError = FileHandle(forWritingAtPath: stderrFull ? "/dev/full" : logs + "/err")
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOfFile: logs + "/out", encoding: .utf8),
                try String(contentsOfFile: logs + "/err", encoding: .utf8))
    }

    @Test(arguments: [["facts"], ["facts", "--json"]])
    func factsThatCannotBeWrittenEndWithStatusOneAndSaySo(command: [String]) throws {
        let sandbox = try ProjectSandbox()
        let result = try run(command + ["--project", sandbox.project], stdoutFull: true, stderrFull: false)
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot write the output: No space left on device\n")
    }

    @Test func aBuildWhoseWarningsCannotBeWrittenStillPublishesAndEndsWithStatusZero() throws {
        let sandbox = try ProjectSandbox()
        // MAGS one session behind: a warning.
        try sandbox.apply(.edit("content/data/MAGS.csv") { text in text.split(separator: "\n").dropLast().joined(separator: "\n") + "\n" })
        let result = try run(["build", "--project", sandbox.project, "--output", sandbox.output], stdoutFull: false, stderrFull: true)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("wrote 1 note (2026-01-15)"))
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-15/index.html"))
    }

    /// A review: a build that published exited with status 1 when its summary line could not be
    /// written, and a scripted `build && send` skipped the send of a published note.
    @Test func aBuildWhoseSummaryCannotBeWrittenHasPublishedAndEndsWithStatusZero() throws {
        let sandbox = try ProjectSandbox()
        let result = try run(["build", "--project", sandbox.project, "--output", sandbox.output], stdoutFull: true, stderrFull: false)
        #expect(result.status == 0)
        #expect(result.stderr == "warning: cannot write the output: No space left on device\n")
        #expect(FileManager.default.fileExists(atPath: sandbox.output + "/notes/2026-01-15/index.html"))
    }

    @Test func aUsageErrorWithNowhereToSayItIsStillStatusTwo() throws {
        let result = try run(["build", "--no-such-option"], stdoutFull: false, stderrFull: true)
        #expect(result.status == 2)
    }
}
