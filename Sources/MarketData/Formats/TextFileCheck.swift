/// Recognises files that are not comma-separated text at all (a spreadsheet saved under a `.csv`
/// name, a UTF-16 export, Latin-1 text, old Mac line ends), so the user reads one clear error
/// instead of a page of bad columns.
enum TextFileCheck {
    /// The problem with `bytes`, or nil when they can be read as lines of UTF-8 text.
    static func problem(_ bytes: [UInt8], path: String) -> Diagnostic? {
        let start = SourceLocation(path: path)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .error(at: start, "the file is a spreadsheet workbook, not comma-separated text",
                          hint: "open it and save or export the sheet as CSV (UTF-8)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .error(at: start, "the file is UTF-16 text",
                          hint: "save it as UTF-8 (\"CSV UTF-8\" in Excel)")
        }
        if let nul = ByteSearch.firstIndex(of: 0, in: bytes) {
            return .error(at: location(ofByte: nul, in: bytes, path: path), "the file holds a NUL byte; it is not text",
                          hint: "export the data again as a CSV text file")
        }
        // Before the UTF-8 check, which would place a bad byte of such a file on its line 1.
        if let carriageReturn = loneCarriageReturnLineEnd(bytes) {
            return .error(at: location(ofByte: carriageReturn, in: bytes, path: path),
                          "the lines end in a lone CR (the old Mac format), not LF or CRLF",
                          hint: "save the file again with LF or CRLF line ends (\"CSV UTF-8\" in Excel, not \"CSV (Macintosh)\")")
        }
        return String(validating: bytes, as: UTF8.self) == nil ? notUTF8(bytes, path: path) : nil
    }

    /// The file is not UTF-8, at its first byte that is not: for data and Markdown files alike.
    static func notUTF8(_ bytes: [UInt8], path: String) -> Diagnostic {
        .error(at: location(ofByte: UTF8Prefix.length(of: bytes), in: bytes, path: path), "the file is not UTF-8 text",
               hint: "save it as UTF-8 (it may be Latin-1 or Windows-1252)")
    }

    /// The first carriage return when the file has one and no line feed at all: every line ends
    /// in a lone CR, as Excel's "CSV (Macintosh)" writes them. A lone CR in a file of LF lines is
    /// a stray character in a field instead, reported with that field.
    private static func loneCarriageReturnLineEnd(_ bytes: [UInt8]) -> Int? {
        guard ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes) == nil else { return nil }
        return ByteSearch.firstIndex(of: UInt8(ascii: "\r"), in: bytes)
    }

    /// The line and column of byte `offset`, counting lines by line feeds and columns by
    /// characters after any byte-order mark, as `CSVReader` does.
    private static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let firstLineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, offset) : 0
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? firstLineStart
        let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        return SourceLocation(path: path, line: line, column: column)
    }
}
