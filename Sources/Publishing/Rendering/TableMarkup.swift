import Foundation
import MarketData
import Newsletter

/// Makes cmark-gfm's tables accessible:
/// - each table gets a `<caption>`: the paragraph `Table: …` right before it when the Markdown
///   has one (pandoc's convention; the paragraph moves into the table), else the heading of the
///   table's section and its first column ("Performance, by series");
/// - header cells get `scope="col"`, and the first cell of each body row becomes a row header;
/// - cells that start with a signed number get a `gain` or `loss` class (the `+` and the real
///   minus sign already tell them apart without colour);
/// - the table scrolls inside a focusable region named by its caption, so a wide table stays
///   usable on a phone and from the keyboard.
///
/// Every tag it touches was written by cmark-gfm: raw HTML is disabled, so text from data
/// arrives escaped and cannot contain a `<td` or `<table>` of its own. One forward pass over the
/// UTF-8 bytes: string searches over the whole page once took half of a backfill's instructions.
enum TableMarkup {
    /// `tableTag` is the start tag each table is written with (the HTML email adds Outlook's attributes).
    static func enhance(_ html: MarkupBytes, tableTag: String = "<table>") -> MarkupBytes {
        guard html.bytes.withUnsafeBufferPointer({ ByteSearch.contains("<table>", in: $0) }) else { return html }
        var scanner = TableMarkupScanner(html.bytes, tableTag: tableTag)
        return scanner.run()
    }

    /// "Signal date" → "signal date"; an acronym ("IWM", "YTD") keeps its capitals.
    static func lowercasingFirstWord(_ text: String) -> String {
        let word = text.prefix { !$0.isWhitespace }
        guard word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    static func uppercasingFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The caption when the Markdown gave none: "Heading, by first column".
    static func defaultCaption(heading: String, firstColumn: String?) -> String {
        let column = firstColumn.map(lowercasingFirstWord) ?? ""
        switch (heading.isEmpty, column.isEmpty) {
        case (false, false): return "\(heading), by \(column)"
        case (false, true): return heading
        case (true, false): return uppercasingFirst(column)
        case (true, true): return "Table"
        }
    }
}

/// The single pass behind `TableMarkup.enhance`: copies bytes to the output, remembering the last
/// heading and paragraph, and rewrites the tags of each table it meets.
struct TableMarkupScanner {
    private let input: [UInt8]
    private var output: [UInt8] = []
    private var index = 0
    private var lastHeading = ""
    /// Where the last paragraph starts in `output`, while it is the last thing written.
    private var lastParagraphStart: Int?
    private let tableTag: String
    /// Tables rewritten so far: each caption's id is `table-N-caption`, unique in the document.
    private var tables = 0

    init(_ input: [UInt8], tableTag: String = "<table>") {
        self.input = input
        self.tableTag = tableTag
        output.reserveCapacity(input.count + input.count / 8)
    }

    /// The rewritten HTML, UTF-8 as the input is: it is cut only at tags, and what is added is
    /// Strings' bytes.
    mutating func run() -> MarkupBytes {
        while index < input.count {
            guard input[index] == UInt8(ascii: "<") else {
                copyText()
                continue
            }
            if matches("<table>\n") {
                table()
                continue
            }
            if let level = headingLevel() {
                heading(level)
                continue
            }
            if matches("<p>") { lastParagraphStart = output.count }
            output.append(input[index])
            index += 1
        }
        return MarkupBytes(validUTF8: output)
    }

    /// Copies the bytes up to the next `<` in one append: only a tag can need rewriting (perf:
    /// copied byte by byte, with every tag tried at every byte of a table, the pass was 2% of a backfill).
    private mutating func copyText() {
        let end = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: input, from: index) ?? input.count
        output.append(contentsOf: input[index..<end])
        index = end
    }

    private func matches(_ text: StaticString, at position: Int? = nil) -> Bool {
        let start = position ?? index
        return text.withUTF8Buffer { pattern in
            guard start + pattern.count <= input.count else { return false }
            for offset in 0..<pattern.count where input[start + offset] != pattern[offset] { return false }
            return true
        }
    }

    private func headingLevel() -> Int? {
        guard index + 3 < input.count, input[index + 1] == UInt8(ascii: "h"), input[index + 3] == UInt8(ascii: ">") else { return nil }
        let level = Int(input[index + 2]) - 48
        return (1...6).contains(level) ? level : nil
    }

    /// Copies a heading and remembers its text for the captions of the tables below it.
    private mutating func heading(_ level: Int) {
        let start = index + 4
        var end = start
        while end < input.count && !(input[end] == UInt8(ascii: "<") && end + 4 < input.count && input[end + 1] == UInt8(ascii: "/")
                                       && input[end + 2] == UInt8(ascii: "h") && Int(input[end + 3]) - 48 == level) {
            end += 1
        }
        lastHeading = Self.plainText(input[start..<min(end, input.count)])
        output.append(contentsOf: input[index..<start])
        index = start
        lastParagraphStart = nil
    }

    /// Rewrites one table, from `<table>\n` through `</table>`.
    private mutating func table() {
        let (caption, isGenerated) = takeCaption()
        // A caption made from the heading ("Performance, by series" under "Performance") is for
        // screen readers; on screen it would repeat the heading just above.
        // The scrolling region is named by the caption (`aria-labelledby`), not by a copy of it.
        tables += 1
        let id = "table-\(tables)-caption"
        let captionTag = isGenerated ? "<caption id=\"\(id)\" class=\"visually-hidden\">" : "<caption id=\"\(id)\">"
        output.append(contentsOf: Array("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)\">\n\(tableTag)\n\(captionTag)\(caption)</caption>\n".utf8))
        index += 8
        var rowHeaderOpen = false
        while index < input.count {
            if input[index] != UInt8(ascii: "<") {
                copyText()
            } else if matches("</table>") {
                output.append(contentsOf: Array("</table>\n</div>".utf8))
                index += 8
                return
            } else if matches("<th>") {
                append("<th scope=\"col\">", skipping: 4)
            } else if matches("<th style=") {
                append("<th scope=\"col\" style=", skipping: 10)
            } else if matches("<tr>\n<td") {
                append("<tr>\n<th scope=\"row\"", skipping: 8)
                rowHeaderOpen = true
            } else if rowHeaderOpen && matches("</td>") {
                append("</th>", skipping: 5)
                rowHeaderOpen = false
            } else if matches("<td") {
                dataCell()
            } else {
                output.append(input[index])
                index += 1
            }
        }
    }

    private mutating func append(_ text: StaticString, skipping count: Int) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
        index += count
    }

    /// `<td…>` whose text starts with `+` or `−` and a digit gets a `gain` or `loss` class.
    private mutating func dataCell() {
        var tagEnd = index
        while tagEnd < input.count && input[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
        let content = tagEnd + 1
        var signClass: StaticString?
        if content + 1 < input.count, input[content] == UInt8(ascii: "+"), input[content + 1].isASCIIDigit {
            signClass = " class=\"gain\""
        } else if content + 3 < input.count, input[content] == 0xE2, input[content + 1] == 0x88, input[content + 2] == 0x92,
                  input[content + 3].isASCIIDigit {
            signClass = " class=\"loss\""
        }
        append("<td", skipping: 3)
        if let signClass { signClass.withUTF8Buffer { output.append(contentsOf: $0) } }
    }

    /// The caption for the table at `index`: a `Table: …` paragraph just written (removed from the
    /// output), or, generated, the last heading and the table's first header cell.
    private mutating func takeCaption() -> (text: String, isGenerated: Bool) {
        if let start = lastParagraphStart, output.count >= start + 15 {
            let paragraph = Array(output[start...])
            let prefix = Array("<p>Table: ".utf8), suffix = Array("</p>\n".utf8)
            if paragraph.starts(with: prefix), paragraph.suffix(suffix.count).elementsEqual(suffix) {
                let text = Self.plainText(paragraph[prefix.count..<(paragraph.count - suffix.count)])
                if !text.isEmpty {
                    output.removeSubrange(start...)
                    lastParagraphStart = nil
                    return (text, false)
                }
            }
        }
        lastParagraphStart = nil
        return (TableMarkup.defaultCaption(heading: lastHeading, firstColumn: firstHeaderCell()), true)
    }

    private func firstHeaderCell() -> String? {
        var position = index
        while position + 3 < input.count, !(input[position] == UInt8(ascii: "<") && input[position + 1] == UInt8(ascii: "t")
                                            && input[position + 2] == UInt8(ascii: "h") && input[position + 3] != UInt8(ascii: "e")) {
            if matches("</table>", at: position) { return nil }
            position += 1
        }
        while position < input.count && input[position] != UInt8(ascii: ">") { position += 1 }
        let start = position + 1
        var end = start
        while end < input.count && !matches("</th>", at: end) { end += 1 }
        let text = Self.plainText(input[min(start, input.count)..<min(end, input.count)])
        return text.isEmpty ? nil : text
    }

    /// Text with its tags removed and its whitespace collapsed; entities stay as they are.
    static func plainText(_ bytes: ArraySlice<UInt8>) -> String {
        var text: [UInt8] = []
        var inTag = false
        var pendingSpace = false
        for byte in bytes {
            if byte == UInt8(ascii: "<") { inTag = true; continue }
            if inTag { if byte == UInt8(ascii: ">") { inTag = false }; continue }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !text.isEmpty
                continue
            }
            if pendingSpace { text.append(0x20); pendingSpace = false }
            text.append(byte)
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
