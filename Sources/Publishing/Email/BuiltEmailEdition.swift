import Foundation
import MarketData
import Newsletter

/// A message that `marketnote build` wrote (`email/DATE.eml` in an output folder), read back to be sent.
public struct BuiltEmailEdition: Sendable {
    public let date: SessionDate
    public let path: String
    public let bytes: [UInt8]

    /// The edition of `date`, or the latest one in the folder when `date` is nil.
    public static func read(fromSite outputPath: String, date: SessionDate?) throws(MissingEmailEdition) -> BuiltEmailEdition {
        let folder = (outputPath as NSString).appendingPathComponent("email")
        guard let date = date ?? latestDate(in: folder) else {
            throw MissingEmailEdition(message: "there is no email edition in \(folder)", hint: "build one first: marketnote build")
        }
        let path = (outputPath as NSString).appendingPathComponent(NotePaths.emailBase(date) + ".eml")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MissingEmailEdition(message: "there is no email edition of \(date) at \(path)",
                                      hint: "build it first: marketnote build --date \(date)")
        }
        return BuiltEmailEdition(date: date, path: path, bytes: Array(data))
    }

    /// The newest `DATE.eml` in `folder`.
    private static func latestDate(in folder: String) -> SessionDate? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.compactMap { SessionDate(String($0.dropLast(4))) }.max()
    }
}
