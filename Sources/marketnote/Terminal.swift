import Foundation
import MarketData

/// Output to the user's terminal: diagnostics, the progress bar, the summary line. Written with
/// `write(2)`: `FileHandle.write` stopped the process with a crash when the stream was closed or
/// its disk full (cron's `2>>log` on a full `/var/log`), and `print`'s buffer lost the output
/// with exit status 0.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// Why writing to standard output failed (`errno`), if it did: the command's output is lost,
    /// so it exits with status 1.
    nonisolated(unsafe) static var outputFailure: Int32?

    /// Writes `line` and a line end to standard output, as `print` does.
    static func out(_ line: String) {
        out(bytes: Array((line + "\n").utf8))
    }

    /// Writes `bytes` to standard output, noting a failure.
    static func out(bytes: [UInt8]) {
        if let code = write(bytes, to: STDOUT_FILENO), outputFailure == nil { outputFailure = code }
    }

    /// Writes `text` to standard error; a failure there has nowhere to be told.
    static func err(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        DescriptorWriting.writeAll(bytes, to: descriptor)
    }

    /// The diagnostics, then "3 errors; nothing was published" (or what else was left `undone`).
    static func printDiagnostics(_ report: DiagnosticReport, undone: String?) {
        let errors = report.errors.count
        var text = report.description + "\n"
        text += "\(errors) error\(errors == 1 ? "" : "s")" + (undone.map { "; " + $0 } ?? "") + "\n"
        err(text)
    }

    /// Warnings of a build that published: each with its hint, on stderr before the summary.
    static func printWarnings(_ warnings: [Diagnostic]) {
        guard !warnings.isEmpty else { return }
        err(warnings.map { $0.description + "\n" }.joined())
    }

    /// Draws `[#####.....] done/total` on one line of stderr.
    static func progress(done: Int, total: Int) {
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var line = "\r[\(bar)] \(done)/\(total) notes"
        if done == total { line += "\r" + String(repeating: " ", count: line.count) + "\r" }
        err(line)
    }
}
