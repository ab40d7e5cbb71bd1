import Foundation
import MarketData

/// Output to the user's terminal: diagnostics, the progress bar, the summary line.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 }

    /// The diagnostics, then "3 errors; nothing was published" (or what else was left `undone`).
    static func printDiagnostics(_ report: DiagnosticReport, undone: String?) {
        let errors = report.errors.count
        var text = report.description + "\n"
        text += "\(errors) error\(errors == 1 ? "" : "s")" + (undone.map { "; " + $0 } ?? "") + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Warnings of a build that published: each with its hint, on stderr before the summary.
    static func printWarnings(_ warnings: [Diagnostic]) {
        guard !warnings.isEmpty else { return }
        FileHandle.standardError.write(Data(warnings.map { $0.description + "\n" }.joined().utf8))
    }

    /// Draws `[#####.....] done/total` on one line of stderr.
    static func progress(done: Int, total: Int) {
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var line = "\r[\(bar)] \(done)/\(total) notes"
        if done == total { line += "\r" + String(repeating: " ", count: line.count) + "\r" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
