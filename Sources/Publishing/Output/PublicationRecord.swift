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
    var files: [String: UInt64]
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
    /// `removed PATH` lines in no particular order. Paths never hold a newline (`write` refuses
    /// those records).
    var bytes: [UInt8]? {
        Self.fileLines(files).map { Self.encode(site: site, spare: spare, fileLines: $0, changed: changed, removed: removed) }
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
        appendHex(digest.value, to: &out)
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

    /// `file DIGEST PATH` lines; nil when a path holds a newline, which a line cannot.
    static func fileLines<Files: Sequence<(key: String, value: UInt64)>>(_ files: Files) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(files.underestimatedCount * 48)
        for (path, digest) in files {
            guard appendFileLine(path, digest, to: &out) else { return nil }
        }
        return out
    }

    /// The `file` lines of the files `isKept` selects, and the paths of the others, in one pass
    /// over a site's 13,700 files; the lines are nil when a kept path holds a newline.
    static func fileLines(_ files: [String: UInt64], keeping isKept: (String) -> Bool) -> (lines: [UInt8]?, dropped: [String]) {
        var out: [UInt8]? = []
        out?.reserveCapacity(files.count * 48)
        var dropped: [String] = []
        for (path, digest) in files {
            if !isKept(path) {
                dropped.append(path)
            } else if out != nil, !appendFileLine(path, digest, to: &out!) {
                out = nil
            }
        }
        return (out, dropped)
    }

    /// Appends `file DIGEST PATH`; false, with nothing appended, when the path holds a newline.
    private static func appendFileLine(_ path: String, _ digest: UInt64, to out: inout [UInt8]) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard !bytes.contains(0x0A) else { return false }
            out.append(contentsOf: "file ".utf8)
            appendHex(digest, to: &out)
            out.append(0x20)
            out.append(contentsOf: bytes)
            out.append(0x0A)
            return true
        }
    }

    /// The digits of `value` without leading zeros: the record's own format, read back as a number.
    private static func appendHex(_ value: UInt64, to out: inout [UInt8]) {
        let digits = Hex.digits
        var shift = 60
        while shift > 0, (value >> UInt64(shift)) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            out.append(digits[Int((value >> UInt64(shift)) & 0xF)])
            shift -= 4
        }
    }

    init(site: FileStamp, spare: FileStamp?, files: [String: UInt64], changed: [String], removed: [String]) {
        self.site = site
        self.spare = spare
        self.files = files
        self.changed = changed
        self.removed = removed
    }

    /// Parses `bytes`; nil when any line is not one `bytes` writes. Works on bytes, one String
    /// per path: a record lists every file of the site, and reading it is part of every build.
    init?(bytes: [UInt8]) {
        var files: [String: UInt64] = [:], changed: [String] = [], removed: [String] = []
        var site: FileStamp?, spare: FileStamp?, hasSpareLine = false
        files.reserveCapacity(bytes.count / 32)
        let valid = bytes.withUnsafeBufferPointer { whole -> Bool in
            guard let length = Self.verifiedLength(of: whole) else { return false }
            let buffer = UnsafeBufferPointer(rebasing: whole[..<length])
            var lineNumber = 0, start = 0
            while start < buffer.count {
                guard let end = buffer[start...].firstIndex(of: 0x0A) else { return false }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
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
                    if let rest = ByteSearch.rest(of: line, after: "file ") {
                        guard let entry = Self.fileEntry(rest) else { return false }
                        files[entry.path] = entry.digest
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
        self.init(site: site, spare: spare, files: files, changed: changed, removed: removed)
    }

    /// The text of `line` after `prefix`, when it starts with it.
    private static func rest(of line: UnsafeBufferPointer<UInt8>, after prefix: StaticString) -> String? {
        ByteSearch.rest(of: line, after: prefix).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `DIGEST PATH`: the digest in 1 to 16 hexadecimal digits, as `appendHex` writes it, and a
    /// path `OutputFile.isSafe` accepts; read on bytes, one String a line (13,700 lines a build).
    private static func fileEntry(_ text: UnsafeBufferPointer<UInt8>) -> (digest: UInt64, path: String)? {
        var digest: UInt64 = 0, index = 0
        while index < text.count, text[index] != 0x20 {
            guard index < 16, let value = Hex.value(of: text[index]) else { return nil }
            digest = digest << 4 | UInt64(value)
            index += 1
        }
        guard index > 0, index < text.count else { return nil }
        let path = UnsafeBufferPointer(rebasing: text[(index + 1)...])
        guard OutputFile.isSafe(bytes: path) else { return nil }
        return (digest, String(decoding: path, as: UTF8.self))
    }

    /// Writes the record atomically (see `write(_:to:)`); a record that cannot be written
    /// faithfully (a path with a newline) is not written, and the next build starts over.
    func write(to path: String) throws {
        guard let bytes else {
            unlink(path)
            return
        }
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
