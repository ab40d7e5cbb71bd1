import ArgumentParser
import Analytics
import Dispatch
import Foundation
import MarketData

/// Times the analytics alone: load every file, run the forward pass, and read the facts of every
/// session (or only the last), printing the phases so that scaling can be measured.
struct Analytics: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analytics")

    @Option var project: String
    @Flag(help: "Read the facts of the last session only (the daily case), not of every session.")
    var lastOnly = false

    func run() throws {
        let clock = DispatchTime.now()
        let inputs = try ProjectLoader(root: project).load()
        let loaded = DispatchTime.now()
        let analysis = HistoryAnalysis(inputs: inputs)
        let analysed = DispatchTime.now()
        let dates = lastOnly ? Array(analysis.sessions.suffix(1)) : analysis.sessions
        var checksum = 0
        for date in dates { checksum &+= analysis.facts(on: date).series.count }
        let done = DispatchTime.now()
        func seconds(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e9 }
        let rows = inputs.prices.reduce(0) { $0 + $1.count }
        print(String(format: "series=%d rows=%d sessions=%d load=%.3f analyse=%.3f facts=%.3f total=%.3f (checksum %d)",
                     inputs.prices.count, rows, dates.count, seconds(clock, loaded), seconds(loaded, analysed),
                     seconds(analysed, done), seconds(clock, done), checksum))
    }
}
