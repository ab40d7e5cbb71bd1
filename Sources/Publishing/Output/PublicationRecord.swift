import Foundation
import MarketData
#if canImport(Glibc)
import Glibc
#endif

/// What the last build published, kept beside `output/` (as `.output.publication`) so that the
/// next build can start from the site before it (the *spare*, `.output.spare`) brought up to date,
/// instead of re-linking every file of the site into an empty staging folder.
///
/// - `files`: every file of the published site, with the digest of the inputs it was rendered
///   from (0 when it has none), so an unchanged page is kept instead of rendered again;
/// - `changed` and `removed`: how the spare differs from the published site (files written with
///   new bytes by the last build; files of the spare that the site no longer has);
/// - `site` and `spare`: stamps of the two trees' `notes/index.json`, so a record that no longer
///   describes what is on disk (the folder was replaced or copied) is ignored;
/// - a last line, `end DIGEST`, of every byte before it: a record cut short at a line's end, or
///   with a byte changed, still parsed, and the build trusted it (a crash test: pages missing from
///   the site, or thousands of archive pages different from a clean build's). Such a record is
///   now ignored like a missing one.
struct PublicationRecord: Equatable {
    var site: FileStamp
    var spare: FileStamp?
    var files: RecordedFiles
    var changed: [String]
    var removed: [String]

    static let header = "marketnote-publication 2"

    /// The file whose stamp identifies a published tree: every build writes it.
    static let stampedFile = "notes/index.json"

    /// The record at `path`, when there is one, it parses, and it describes the site at `sitePath`.
    static func read(_ path: String, describing sitePath: String) -> PublicationRecord? {
        guard let data = FileManager.default.contents(atPath: path),
              let record = PublicationRecord(bytes: Array(data)),
              FileStamp(of: sitePath + "/" + stampedFile) == record.site else { return nil }
        return record
    }

    /// One line per fact: `site`/`spare` stamps, then `file DIGEST PATH`, `changed PATH` and
    /// `removed PATH` lines in no particular order.
    var bytes: [UInt8] {
        Self.encode(site: site, spare: spare, fileLines: files.lines, changed: changed, removed: removed)
    }

    /// The record's bytes with its `file` lines already encoded: a build encodes the lines of
    /// the files it keeps while it renders the others.
    static func encode(site: FileStamp, spare: FileStamp?, fileLines: [UInt8], changed: [String], removed: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(fileLines.count + 256)
        func line(_ prefix: StaticString, _ text: String) {
            prefix.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
        }
        out.append(contentsOf: header.utf8)
        out.append(0x0A)
        line("site ", site.text)
        line("spare ", spare?.text ?? "-")
        out.append(contentsOf: fileLines)
        for path in changed { line("changed ", path) }
        for path in removed { line("removed ", path) }
        var digest = InputDigest()
        out.withUnsafeBufferPointer { digest.add(bytes: $0) }
        out.append(contentsOf: "end ".utf8)
        RecordedFiles.appendHex(digest.value, to: &out)
        out.append(0x0A)
        return out
    }

    /// How many bytes come before the `end DIGEST` line, when it is the last line and the
    /// digest is of those bytes; nil otherwise.
    private static func verifiedLength(of buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard buffer.last == 0x0A else { return nil }
        let start = buffer[..<(buffer.count - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard let text = rest(of: UnsafeBufferPointer(rebasing: buffer[start..<(buffer.count - 1)]), after: "end "),
              let expected = UInt64(text, radix: 16) else { return nil }
        var digest = InputDigest()
        digest.add(bytes: UnsafeBufferPointer(rebasing: buffer[..<start]))
        return digest.value == expected ? start : nil
    }

    init(site: FileStamp, spare: FileStamp?, files: RecordedFiles, changed: [String], removed: [String]) {
        self.site = site
        self.spare = spare
        self.files = files
        self.changed = changed
        self.removed = removed
    }

    /// Parses `bytes`; nil when any line is not one `bytes` writes. Works on bytes, and keeps the
    /// `file` lines as they are (`RecordedFiles`): a record lists every file of the site, and
    /// reading it is part of every build.
    init?(bytes: [UInt8]) {
        var entries: [RecordedFiles.Entry] = [], changed: [String] = [], removed: [String] = []
        var site: FileStamp?, spare: FileStamp?, hasSpareLine = false
        entries.reserveCapacity(bytes.count / 40)
        let valid = bytes.withUnsafeBufferPointer { whole -> Bool in
            guard let length = Self.verifiedLength(of: whole) else { return false }
            let buffer = UnsafeBufferPointer(rebasing: whole[..<length])
            var lineNumber = 0, start = 0
            while start < buffer.count {
                guard let end = ByteSearch.firstIndex(of: 0x0A, in: buffer, within: start..<buffer.count) else { return false }
                let range = start..<end
                let line = UnsafeBufferPointer(rebasing: buffer[range])
                start = end + 1
                lineNumber += 1
                switch lineNumber {
                case 1:
                    guard String(decoding: line, as: UTF8.self) == Self.header else { return false }
                case 2:
                    guard let text = Self.rest(of: line, after: "site ") else { return false }
                    site = FileStamp(text: Substring(text))
                case 3:
                    guard let text = Self.rest(of: line, after: "spare ") else { return false }
                    spare = FileStamp(text: Substring(text))
                    hasSpareLine = spare != nil || text == "-"
                default:
                    if let entry = RecordedFiles.entry(in: buffer, line: range) {
                        entries.append(entry)
                    } else if let path = Self.rest(of: line, after: "changed ") {
                        changed.append(path)
                    } else if let path = Self.rest(of: line, after: "removed ") {
                        removed.append(path)
                    } else {
                        return false
                    }
                }
            }
            return lineNumber >= 3
        }
        // The files' paths were checked as they were read.
        guard valid, let site, hasSpareLine, (changed + removed).allSatisfy(OutputFile.isSafe) else { return nil }
        self.init(site: site, spare: spare, files: RecordedFiles(bytes: bytes, entries: entries), changed: changed, removed: removed)
    }

    /// The text of `line` after `prefix`, when it starts with it.
    private static func rest(of line: UnsafeBufferPointer<UInt8>, after prefix: StaticString) -> String? {
        ByteSearch.rest(of: line, after: prefix).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the record atomically (see `write(_:to:)`).
    func write(to path: String) throws {
        try Self.write(bytes, to: path)
    }

    /// Writes record bytes to a temporary file renamed over `path`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp"
        unlink(temporary)
        do {
            try AtomicOutput.writeBytes(bytes, to: temporary)
            guard rename(temporary, path) == 0 else { throw SiteWriteError.current(at: path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// A file's identity and version: device, inode, size and modification time. A copy or a
/// rewritten file has another stamp; a hard link to it has the same.
struct FileStamp: Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let seconds: Int64
    let nanoseconds: Int64

    init?(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = Int64(info.st_mtim.tv_sec)
        nanoseconds = Int64(info.st_mtim.tv_nsec)
    }

    init?(text: Substring) {
        let fields = text.split(separator: " ")
        guard fields.count == 5, let device = UInt64(fields[0]), let inode = UInt64(fields[1]),
              let size = Int64(fields[2]), let seconds = Int64(fields[3]), let nanoseconds = Int64(fields[4]) else { return nil }
        (self.device, self.inode, self.size, self.seconds, self.nanoseconds) = (device, inode, size, seconds, nanoseconds)
    }

    var text: String { "\(device) \(inode) \(size) \(seconds) \(nanoseconds)" }
}
