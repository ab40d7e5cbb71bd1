/// Recognises files that are not comma-separated text at all (a spreadsheet saved under a `.csv`
/// name, a UTF-16 export), so the user reads one clear error instead of a page of bad columns.
enum TextFileCheck {
    /// The problem with `bytes`, or nil when they can be read as UTF-8 text.
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
        guard let nul = ByteSearch.firstIndex(of: 0, in: bytes) else { return nil }
        let before = bytes[..<nul]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = bytes[lineStart..<nul].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        return .error(at: SourceLocation(path: path, line: line, column: column), "the file holds a NUL byte; it is not text",
                      hint: "export the data again as a CSV text file")
    }
}
