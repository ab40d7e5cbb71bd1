import Foundation

/// Walks a comma-separated file row by row over its raw bytes, without building a String per
/// line: fields are byte ranges, converted only when a caller asks for a value.
///
/// Accepts a UTF-8 byte-order mark, LF or CRLF line ends, RFC 4180 quoting, blank lines (rows
/// of empty fields too, such as the `,,,,` a spreadsheet leaves below its data), and a last line
/// without a line end.
public struct CSVReader {
    public let path: String
    let bytes: [UInt8]
    private var position: Int
    private var nextLine = 1

    /// The current row's fields, in order.
    private var fields: [Field] = []
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
        let offset = index < fields.count ? fields[index].written.lowerBound : (fields.last?.written.upperBound ?? rowStart)
        return SourceLocation(path: path, line: line, column: column(at: offset))
    }

    public var rowLocation: SourceLocation { SourceLocation(path: path, line: line, column: 1) }

    /// The text of field `index`, with doubled quotes undone.
    public func string(_ index: Int) -> String {
        let text = String(decoding: bytes[fields[index].content], as: UTF8.self)
        return fields[index].hasDoubledQuote ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    /// The text of field `index` as a message quotes it, control characters escaped (`\r`): a
    /// stray carriage return is invisible in a terminal.
    public func shownText(_ index: Int) -> String { ControlCharacters.escaped(string(index)) }

    public func isEmpty(_ index: Int) -> Bool { fields[index].content.isEmpty }

    /// Calls `body` with the raw bytes of field `index`.
    public func withField<T>(_ index: Int, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body($0[fields[index].content]) }
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

    /// Reads one physical row; false when it was blank: no field has content.
    ///
    /// The row is scanned over one buffer into a local array of fields, moved out of the reader so
    /// that it stays uniquely referenced (perf: a buffer taken for each field, and each field
    /// appended to the reader's own array, made an 83-byte price row cost 1,430 instructions; now
    /// 1,160, callgrind).
    private mutating func readRow() throws(Diagnostic) -> Bool {
        var fields = self.fields
        self.fields = []
        fields.removeAll(keepingCapacity: true)
        line = nextLine
        rowStart = position
        var fieldStart = position
        var quotedLines = 0
        var unclosedQuote: Int?
        let bytes = self.bytes
        bytes.withUnsafeBufferPointer { buffer in
            let end = buffer.count
            while true {
                var index = fieldStart
                if index < end, buffer[index] == UInt8(ascii: "\"") {
                    guard let after = Self.quotedFieldEnd(buffer, from: index, lines: &quotedLines) else {
                        unclosedQuote = index
                        return
                    }
                    index = after
                }
                // After a quoted field's closing quote, or anywhere in an unquoted field, a quote is text.
                while index < end, buffer[index] != UInt8(ascii: ","), buffer[index] != UInt8(ascii: "\n") { index += 1 }
                let endsRow = index >= end || buffer[index] == UInt8(ascii: "\n")
                let fieldEnd = endsRow && index > fieldStart && buffer[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                fields.append(Field(buffer, written: fieldStart..<fieldEnd))
                fieldStart = index + 1
                if endsRow { break }
            }
        }
        self.fields = fields
        if let start = unclosedQuote {
            throw Diagnostic.error(
                at: SourceLocation(path: path, line: line, column: column(at: start)),
                "quoted field is never closed",
                hint: "add the closing \" or remove the opening one")
        }
        position = fieldStart
        nextLine += quotedLines + 1
        return fields.contains { !$0.content.isEmpty }
    }

    /// The index just after the closing quote of the quoted field that starts at `start`, with
    /// the line ends inside it added to `lines`; nil when the quote is never closed.
    private static func quotedFieldEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, lines: inout Int) -> Int? {
        var index = start + 1
        var linesInside = 0
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "\"") {
                if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                lines += linesInside
                return index + 1
            }
            if buffer[index] == UInt8(ascii: "\n") { linesInside += 1 }
            index += 1
        }
        return nil
    }
}

/// One field of the current row: where it is written (quotes included, for positions), its
/// content (quotes excluded), and whether that content holds a doubled quote to undo.
private struct Field {
    var written: Range<Int>
    var content: Range<Int>
    var hasDoubledQuote: Bool

    init(_ buffer: UnsafeBufferPointer<UInt8>, written: Range<Int>) {
        self.written = written
        if written.count >= 2, buffer[written.lowerBound] == UInt8(ascii: "\""), buffer[written.upperBound - 1] == UInt8(ascii: "\"") {
            content = (written.lowerBound + 1)..<(written.upperBound - 1)
            hasDoubledQuote = buffer[content].contains(UInt8(ascii: "\""))
        } else {
            content = written
            hasDoubledQuote = false
        }
    }
}
