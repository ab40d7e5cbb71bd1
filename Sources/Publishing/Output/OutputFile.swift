import MarketData

/// One file of the published site, by its path below `output/`.
public struct OutputFile: Sendable {
    /// Relative path with `/` separators, never absolute, never containing `..`.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        precondition(OutputFile.isSafe(path), "unsafe output path \(path)")
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A relative path of plain segments: no empty, `.` or `..` segment, no backslash or NUL.
    /// On bytes: a build checks every path of the site it keeps.
    public static func isSafe(_ path: String) -> Bool {
        var path = path
        return path.withUTF8(isSafe(bytes:))
    }

    /// `isSafe` over a path's UTF-8, looking for the bytes that matter through `memchr` (a build
    /// checks the 36,000 paths of a long site's record: 320 instructions a path, 400 byte by byte).
    static func isSafe(bytes path: UnsafeBufferPointer<UInt8>) -> Bool {
        let whole = 0..<path.count
        guard ByteSearch.firstIndex(of: 0x5C, in: path, within: whole) == nil,
              ByteSearch.firstIndex(of: 0x00, in: path, within: whole) == nil else { return false }
        var segmentStart = 0
        while let slash = ByteSearch.firstIndex(of: 0x2F, in: path, within: segmentStart..<path.count) {
            guard isPlainSegment(path, segmentStart..<slash) else { return false }
            segmentStart = slash + 1
        }
        return isPlainSegment(path, segmentStart..<path.count)
    }

    /// Not empty, `.` or `..`.
    private static func isPlainSegment(_ path: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>) -> Bool {
        switch segment.count {
        case 0: false
        case 1: path[segment.lowerBound] != 0x2E
        case 2: path[segment.lowerBound] != 0x2E || path[segment.lowerBound + 1] != 0x2E
        default: true
        }
    }
}
