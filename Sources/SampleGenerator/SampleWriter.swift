import Foundation

/// Writes the sample's files into a directory and reports their names.
struct SampleWriter {
    let directory: URL

    func write(_ dataset: SampleDataset) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = YahooCSVEncoder(calendar: dataset.calendar)
        var written: [String] = []
        for series in dataset.prices {
            try save(encoder.encode(series.bars), as: series.fileName)
            written.append(series.fileName)
        }
        try save(Array(dataset.gdpNowcast.csv().utf8), as: GDPNowcastSeries.fileName)
        try save(Array(dataset.guidance.csv().utf8), as: GuidanceBreadthSeries.fileName)
        try save(Array(DataReadme.text.utf8), as: DataReadme.fileName)
        return written + [GDPNowcastSeries.fileName, GuidanceBreadthSeries.fileName, DataReadme.fileName]
    }

    private func save(_ bytes: [UInt8], as name: String) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name), options: .atomic)
    }
}
