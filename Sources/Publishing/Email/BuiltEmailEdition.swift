import Foundation
import MarketData
import Newsletter

/// A message that `marketnote build` wrote (`email/DATE.eml` in an output folder), read back to be sent.
public struct BuiltEmailEdition: Sendable {
    public let date: SessionDate
    public let path: String
    public let bytes: [UInt8]

    /// How to get an edition of `date`: build it when the site has its note (so it is a
    /// session); otherwise, since it may be no session at all, the nearest editions built too.
    static func missingEditionHint(_ date: SessionDate, site outputPath: String) -> String {
        let build = "marketnote build --date \(date)"
        if FileManager.default.fileExists(atPath: (outputPath as NSString).appendingPathComponent(NotePaths.notePath(date))) {
            return "build it first: " + build
        }
        let published = ((try? EmailEditions.publishedDates(inSite: outputPath)) ?? []).sorted()
        let nearest = [published.last { $0 < date }, published.first { $0 > date }].compactMap { $0 }
        let others = nearest.isEmpty ? "" : "; the nearest editions built are " + nearest.map(\.description).joined(separator: " and ")
        return "the site has no note of \(date): if it is a session, build it with " + build + others
    }

    /// The edition of `date`, or the latest one in the folder when `date` is nil.
    public static func read(fromSite outputPath: String, date: SessionDate?) throws(UnsendableEmailEdition) -> BuiltEmailEdition {
        let folder = (outputPath as NSString).appendingPathComponent("email")
        let newest: SessionDate?
        do {
            newest = date == nil ? try EmailEditions.publishedDates(inSite: outputPath).max() : nil
        } catch {
            throw UnsendableEmailEdition(message: "cannot read the folder \(folder): \(error.reason)",
                                         hint: "check that the user running marketnote may read and enter it")
        }
        guard let date = date ?? newest else {
            throw UnsendableEmailEdition(message: "there is no email edition in \(folder)", hint: "build one first: marketnote build")
        }
        let path = (outputPath as NSString).appendingPathComponent(NotePaths.emailBase(date) + ".eml")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UnsendableEmailEdition(message: "there is no email edition of \(date) at \(path)",
                                         hint: missingEditionHint(date, site: outputPath))
        }
        let edition = BuiltEmailEdition(date: date, path: path, bytes: Array(data))
        if let from = edition.fromHeader, EmailSettings.isPlaceholder(from) {
            throw UnsendableEmailEdition(message: "the edition's sender is the placeholder '\(from)'; no reader's server would accept it",
                                         hint: "set email.from in marketnote.yml (\"Desk name <desk@your-domain>\"), then marketnote build --date \(date)")
        }
        return edition
    }

    /// The value of the message's `From:` header, unfolded.
    var fromHeader: String? {
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        let header = text.components(separatedBy: "\r\n\r\n").first ?? ""
        let unfolded = header.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        return unfolded.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("from:") }
            .map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) }
    }
}
