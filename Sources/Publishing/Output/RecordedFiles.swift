import MarketData

/// The files of a publication record, kept as the `file DIGEST PATH` lines they were read from.
///
/// A record lists every file of the site (36,393 for the S&P 500 since 1950), and a daily build
/// needs a path's digest only for the pages it may keep unrendered: the archive and feed pages,
/// the only files with an inputs digest. The others are selected by their bytes and their lines
/// copied as they are. So a build makes a String for the few files it drops or may reuse, not
/// for every file (perf: with a dictionary of every path, reading the record and keeping the
/// files took 128 M of a long site's 924 M-instruction daily build, now 53 M, much of it on the
/// thread that opens the output, which the build waited for).
struct RecordedFiles {
    /// The bytes the lines are in (the whole record, when read from one).
    private let bytes: [UInt8]
    private let entries: [Entry]
    /// The digests other than 0, by path: those `AtomicOutput.reuse` may match.
    let reusable: [String: UInt64]

    /// A `file` line of `bytes`: where it starts, where its path starts, where it ends (at its
    /// newline), and the digest it gives.
    struct Entry {
        let line: Int
        let path: Int
        let end: Int
        let digest: UInt64
    }

    /// `entries`, lines of `bytes` read by `entry(in:line:)`.
    init(bytes: [UInt8], entries: [Entry]) {
        self.bytes = bytes
        self.entries = entries
        var reusable: [String: UInt64] = [:]
        bytes.withUnsafeBufferPointer { buffer in
            for entry in entries where entry.digest != 0 {
                reusable[String(decoding: UnsafeBufferPointer(rebasing: buffer[entry.path..<entry.end]), as: UTF8.self)] = entry.digest
            }
        }
        self.reusable = reusable
    }

    /// The files of `digests`; nil when a path holds a newline, which no line can.
    init?(_ digests: [String: UInt64]) {
        guard let lines = Self.lines(digests) else { return nil }
        var entries: [Entry] = []
        var start = 0
        let valid = lines.withUnsafeBufferPointer { buffer -> Bool in
            while start < buffer.count, let end = ByteSearch.firstIndex(of: 0x0A, in: buffer, within: start..<buffer.count) {
                guard let entry = Self.entry(in: buffer, line: start..<end) else { return false }
                entries.append(entry)
                start = end + 1
            }
            return true
        }
        guard valid else { return nil }
        self.init(bytes: lines, entries: entries)
    }

    var count: Int { entries.count }

    /// Every path, as Strings: for a build that did not select the kept files by their bytes.
    var paths: [String] { map { path, _ in String(decoding: path, as: UTF8.self) } }

    /// The paths and their digests.
    var digests: [String: UInt64] {
        Dictionary(map { path, digest in (String(decoding: path, as: UTF8.self), digest) }, uniquingKeysWith: { $1 })
    }

    /// The lines, in the record's format.
    var lines: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            for entry in entries { out.append(contentsOf: buffer[entry.line...entry.end]) }
        }
        return out
    }

    /// `body` for each file's path (its UTF-8) and digest.
    func map<T>(_ body: (UnsafeBufferPointer<UInt8>, UInt64) throws -> T) rethrows -> [T] {
        try bytes.withUnsafeBufferPointer { buffer in
            try entries.map { entry in try body(UnsafeBufferPointer(rebasing: buffer[entry.path..<entry.end]), entry.digest) }
        }
    }

    /// The lines of the files `isKept` selects by their path's UTF-8, copied as they are, and the
    /// paths of the others: one pass over a site's files.
    func keeping(_ isKept: (UnsafeBufferPointer<UInt8>) -> Bool) -> (lines: [UInt8], dropped: [String]) {
        var lines: [UInt8] = [], dropped: [String] = []
        lines.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            for entry in entries {
                let path = UnsafeBufferPointer(rebasing: buffer[entry.path..<entry.end])
                if isKept(path) {
                    lines.append(contentsOf: buffer[entry.line...entry.end])
                } else {
                    dropped.append(String(decoding: path, as: UTF8.self))
                }
            }
        }
        return (lines, dropped)
    }

    /// The `file DIGEST PATH` line of `buffer` in `line` (its newline excluded): the digest in 1 to
    /// 16 lowercase hexadecimal digits, as `appendLine` writes it, and a path `OutputFile.isSafe`
    /// accepts; nil for any other line.
    static func entry(in buffer: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Entry? {
        guard let text = ByteSearch.rest(of: UnsafeBufferPointer(rebasing: buffer[line]), after: "file ") else { return nil }
        var digest: UInt64 = 0, index = 0
        while index < text.count, text[index] != 0x20 {
            guard index < 16, let value = Hex.value(of: text[index]) else { return nil }
            digest = digest << 4 | UInt64(value)
            index += 1
        }
        guard index > 0, index < text.count,
              OutputFile.isSafe(bytes: UnsafeBufferPointer(rebasing: text[(index + 1)...])) else { return nil }
        let pathLength = text.count - index - 1
        return Entry(line: line.lowerBound, path: line.upperBound - pathLength, end: line.upperBound, digest: digest)
    }

    /// `file DIGEST PATH` lines; nil when a path holds a newline, which a line cannot.
    static func lines<Files: Sequence<(key: String, value: UInt64)>>(_ files: Files) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(files.underestimatedCount * 48)
        for (path, digest) in files {
            guard appendLine(path, digest, to: &out) else { return nil }
        }
        return out
    }

    /// Appends `file DIGEST PATH`; false, with nothing appended, when the path holds a newline.
    private static func appendLine(_ path: String, _ digest: UInt64, to out: inout [UInt8]) -> Bool {
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
    static func appendHex(_ value: UInt64, to out: inout [UInt8]) {
        let digits = Hex.digits
        var shift = 60
        while shift > 0, (value >> UInt64(shift)) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            out.append(digits[Int((value >> UInt64(shift)) & 0xF)])
            shift -= 4
        }
    }
}

extension RecordedFiles: Equatable {
    static func == (lhs: RecordedFiles, rhs: RecordedFiles) -> Bool { lhs.digests == rhs.digests }
}
