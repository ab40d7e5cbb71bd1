import Foundation

/// Walks a comma-separated file row by row over its raw bytes, without building a String per
/// line: fields are byte ranges, converted only when a caller asks for a value.
///
/// Accepts a UTF-8 byte-order mark, LF or CRLF line ends, RFC 4180 quoting, blank lines, and a
/// last line without a line end.
public struct CSVReader {
    public let path: String
    let bytes: [UInt8]
    private var position: Int
    private var nextLine = 1

    /// Byte ranges of the current row's fields (quotes excluded).
    public private(set) var fields: [Range<Int>] = []
    /// Byte ranges of the current row's fields as written (quotes included), for positions.
    private var writtenFields: [Range<Int>] = []
    /// Whether each field of the current row was quoted and holds a doubled quote.
    private var escapedQuotes: [Bool] = []
    /// 1-based line of the current row.
    public private(set) var line = 0
    /// Byte offset where the current row starts, for column numbers.
    private var rowStart = 0

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.position = hasBOM ? 3 : 0
    }

    public var isAtEnd: Bool { position >= bytes.count }

    /// Moves to the next non-blank row; false at the end of the file.
    public mutating func nextRow() throws(Diagnostic) -> Bool {
        while position < bytes.count {
            if try readRow() { return true }
        }
        return false
    }

    public var fieldCount: Int { fields.count }

    /// The location of field `index` of the current row (or of the row's end when it is missing).
    public func location(ofField index: Int) -> SourceLocation {
        let offset = index < writtenFields.count ? writtenFields[index].lowerBound : (writtenFields.last?.upperBound ?? rowStart)
        return SourceLocation(path: path, line: line, column: column(at: offset))
    }

    public var rowLocation: SourceLocation { SourceLocation(path: path, line: line, column: 1) }

    /// The text of field `index`, with doubled quotes undone.
    public func string(_ index: Int) -> String {
        let text = String(decoding: bytes[fields[index]], as: UTF8.self)
        return escapedQuotes[index] ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    public func isEmpty(_ index: Int) -> Bool { fields[index].isEmpty }

    /// Calls `body` with the raw bytes of field `index`.
    public func withField<T>(_ index: Int, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body($0[fields[index]]) }
    }

    // MARK: - Scanning

    private func column(at offset: Int) -> Int {
        // Count characters, not bytes, so the column matches what an editor shows.
        var column = 1
        var index = rowStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// Reads one physical row; false when it was blank.
    private mutating func readRow() throws(Diagnostic) -> Bool {
        fields.removeAll(keepingCapacity: true)
        writtenFields.removeAll(keepingCapacity: true)
        escapedQuotes.removeAll(keepingCapacity: true)
        line = nextLine
        rowStart = position
        var fieldStart = position
        var index = position
        let end = bytes.count
        while true {
            if index < end, bytes[index] == UInt8(ascii: "\""), index == fieldStart {
                index = try readQuotedField(from: index)
                continue
            }
            if index >= end || bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "\n") {
                var fieldEnd = index
                if fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r"),
                   index >= end || bytes[index] == UInt8(ascii: "\n") {
                    fieldEnd -= 1
                }
                appendField(fieldStart..<fieldEnd)
                if index >= end || bytes[index] == UInt8(ascii: "\n") {
                    position = index + 1
                    nextLine += 1
                    break
                }
                index += 1
                fieldStart = index
                continue
            }
            index += 1
        }
        return !(fields.count == 1 && fields[0].isEmpty)
    }

    private mutating func appendField(_ range: Range<Int>) {
        writtenFields.append(range)
        var range = range
        var escaped = false
        if range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "\""), bytes[range.upperBound - 1] == UInt8(ascii: "\"") {
            range = (range.lowerBound + 1)..<(range.upperBound - 1)
            escaped = bytes[range].contains(UInt8(ascii: "\""))
        }
        fields.append(range)
        escapedQuotes.append(escaped)
    }

    /// Skips a quoted field starting at `start`; returns the index just after its closing quote.
    private mutating func readQuotedField(from start: Int) throws(Diagnostic) -> Int {
        var index = start + 1
        var linesInside = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                nextLine += linesInside
                return index + 1
            }
            if bytes[index] == UInt8(ascii: "\n") { linesInside += 1 }
            index += 1
        }
        throw Diagnostic.error(
            at: SourceLocation(path: path, line: line, column: column(at: start)),
            "quoted field is never closed",
            hint: "add the closing \" or remove the opening one")
    }
}
