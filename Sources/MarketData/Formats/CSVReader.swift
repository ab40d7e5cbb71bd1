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
    private mutating func readRow() throws(Diagnostic) -> Bool {
        fields.removeAll(keepingCapacity: true)
        line = nextLine
        rowStart = position
        var fieldStart = position
        let end = bytes.count
        while true {
            var index = fieldStart
            if index < end, bytes[index] == UInt8(ascii: "\"") { index = try readQuotedField(from: index) }
            // After a quoted field's closing quote, or anywhere in an unquoted field, a quote is text.
            index = separator(from: index)
            var fieldEnd = index
            let endsRow = index >= end || bytes[index] == UInt8(ascii: "\n")
            if endsRow, fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r") { fieldEnd -= 1 }
            appendField(fieldStart..<fieldEnd)
            fieldStart = index + 1
            if endsRow { break }
        }
        position = fieldStart
        nextLine += 1
        return fields.contains { !$0.content.isEmpty }
    }

    /// The index of the first comma or line feed at or after `start`, or the end of the file
    /// (perf: indexing the array byte by byte, with its bounds checks, was a third of loading a
    /// 500-file universe).
    private func separator(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") { return index }
                index += 1
            }
            return buffer.count
        }
    }

    private mutating func appendField(_ written: Range<Int>) {
        var content = written
        var doubledQuote = false
        if written.count >= 2, bytes[written.lowerBound] == UInt8(ascii: "\""), bytes[written.upperBound - 1] == UInt8(ascii: "\"") {
            content = (written.lowerBound + 1)..<(written.upperBound - 1)
            doubledQuote = bytes[content].contains(UInt8(ascii: "\""))
        }
        fields.append(Field(written: written, content: content, hasDoubledQuote: doubledQuote))
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

/// One field of the current row: where it is written (quotes included, for positions), its
/// content (quotes excluded), and whether that content holds a doubled quote to undo.
private struct Field {
    var written: Range<Int>
    var content: Range<Int>
    var hasDoubledQuote: Bool
}
