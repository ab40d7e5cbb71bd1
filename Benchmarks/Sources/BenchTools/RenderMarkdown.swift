import ArgumentParser
import Dispatch
import Foundation
import Publishing

/// The floor: every Markdown file of a folder rendered through libcmark-gfm in-process, on
/// several threads, the way marketnote renders notes, with nothing else around it. The files are
/// read before the clock starts; the HTML is kept only long enough to count its bytes.
struct RenderMarkdown: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render-markdown")

    @Option var input: String
    @Option(help: "Threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: input).filter { $0.hasSuffix(".md") }.sorted()
        let documents = try names.map { try String(contentsOfFile: input + "/" + $0, encoding: .utf8) }
        let renderer = MarkdownRenderer()
        let bytes = Counter()
        let start = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var total = 0
            for index in stride(from: worker, to: documents.count, by: jobs) {
                total += renderer.html(documents[index]).bytes.count
            }
            bytes.add(total)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(String(format: "rendered %d documents (%d bytes of HTML) in %.3f s on %d threads", documents.count, bytes.value, seconds, jobs))
    }
}

/// A thread-safe sum.
final class Counter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLock()
    func add(_ value: Int) { lock.withLock { total += value } }
    var value: Int { lock.withLock { total } }
}
