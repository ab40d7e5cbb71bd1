import Foundation
import MarketData

/// Test fixtures under Tests/Fixtures, found from this file's path.
public enum Fixtures {
    public static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Fixtures").path
    }()

    public static func path(_ name: String) -> String { directory + "/" + name }

    /// A project over the real S&P 500 and NASDAQ files and the real quarterly GDP levels.
    public static func realProject() throws -> ProjectInputs {
        let root = ScratchFolder.make("real")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let config = """
            title: Real data
            baseURL: https://real.example.com/
            series:
              - { symbol: IXIC, name: NASDAQ Composite, shortName: tech stocks, file: \(path("real/IXIC.csv")) }
              - { symbol: SPX, name: S&P 500, shortName: the S&P 500, file: \(path("real/SPX.csv")) }
            comparisons:
              - { leader: IXIC, benchmark: SPX }
            macro:
              - id: gdp
                name: real GDP growth
                file: \(path("real/US_macrodata.csv"))
                column: realgdp
                transform: annualised-growth
                unit: "%"
                available: period-end
                lagDays: 30
                exclude: [{ from: 2008Q4, to: 2009Q2, label: the crisis }]
            """
        try config.write(toFile: root + "/marketnote.yml", atomically: true, encoding: .utf8)
        return try ProjectLoader(root: root).load()
    }
}
