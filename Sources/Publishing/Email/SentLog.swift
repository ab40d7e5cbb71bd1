import Foundation
import MarketData
#if canImport(Glibc)
import Glibc
#endif

/// The editions `marketnote send` delivered, a line each, in `.NAME.sent` beside the output folder
/// (outside it, so builds leave it alone): `build --strict && send` runs every morning, and on a
/// day without new prices it mailed the day before's edition to every reader again.
///
/// A line: `2026-01-15 2026-01-16T06:05:11Z reader@example.com,desk@example.com` (the edition's
/// date, when it was sent, the envelope recipients' addresses in lower case).
public struct SentLog: Sendable {
    public struct Entry: Sendable, Equatable {
        public let date: SessionDate
        public let sentAt: String
        public let recipients: Set<String>
    }

    public let path: String

    /// The log of the editions in the site at `outputPath`, beside the folder a link there names,
    /// as builds keep their files: two spellings of one output share one log.
    public init(outputPath: String) {
        path = FileTree.companion(of: URL(fileURLWithPath: FileTree.followingLinks(outputPath)), "sent")
    }

    /// Runs `body` (check, send, record) holding a lock on the log, so that two sends at once do
    /// not both find an edition unsent and both mail it. A log that cannot be opened (its folder
    /// is read-only) does not stop the send; recording it then warns.
    public func locked<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw UnsendableEmailEdition(message: "another marketnote send is sending from this output folder",
                                         hint: "wait for it to finish, then send again: an edition it sent is not sent twice")
        }
        return try body()
    }

    /// Every send logged; a line that is not one (edited by hand) is skipped.
    public func entries() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let date = SessionDate(String(fields[0])) else { return nil }
            return Entry(date: date, sentAt: String(fields[1]), recipients: Set(fields[2].split(separator: ",").map(String.init)))
        }
    }

    /// Whether to send the edition of `date` to `addresses`.
    public enum Verdict: Sendable, Equatable {
        case send
        /// The newest edition (no date was asked for) went to every one of them already: a day
        /// without new prices, nothing to do.
        case nothingNew(sentAt: String)
        /// Some of them had it already (or all, for a date asked for by name): an error, since
        /// sending would mail them twice.
        case alreadySent(recipients: [String], sentAt: String)
    }

    /// The verdict for sending the edition of `date` to `addresses`; `dateAsked` when the
    /// command named the date rather than taking the newest edition.
    public func verdict(_ date: SessionDate, to addresses: [String], dateAsked: Bool) -> Verdict {
        let asked = Set(addresses.map { $0.lowercased() })
        let sends = entries().filter { $0.date == date && !$0.recipients.isDisjoint(with: asked) }
        guard let last = sends.last else { return .send }
        let reached = sends.reduce(into: Set<String>()) { $0.formUnion($1.recipients) }.intersection(asked)
        return reached == asked && !dateAsked ? .nothingNew(sentAt: last.sentAt) : .alreadySent(recipients: reached.sorted(), sentAt: last.sentAt)
    }

    /// Adds a send of the edition of `date` to `addresses` at `time`, in one append.
    public func record(_ date: SessionDate, to addresses: [String], at time: Date) throws(SiteWriteError) {
        let stamp = ISO8601DateFormatter().string(from: time)
        let line = "\(date) \(stamp) \(Set(addresses.map { $0.lowercased() }).sorted().joined(separator: ","))\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteWriteError.current(at: path) }
        defer { close(descriptor) }
        if let code = DescriptorWriting.writeAll(Array(line.utf8), to: descriptor) { throw SiteWriteError(path: path, code: code) }
        // On the disk before `send` reports success, with the log's own name in its folder the
        // first time: a send the log lost in a power cut would go out again.
        guard fsync(descriptor) == 0 else { throw SiteWriteError.current(at: path) }
        FileTree.syncFolder((path as NSString).deletingLastPathComponent)
    }
}
