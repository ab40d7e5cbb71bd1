import MarketData

/// A value that writes itself as JSON through a `JSONByteWriter`.
///
/// The site's JSON files (`facts.json`, `notes/index.json`) are written through this protocol
/// rather than `Encodable`: going through `Encoder`'s containers boxes every object, looks up
/// generic metadata and dispatches every member dynamically, which made `facts.json` a quarter of
/// a backfill's CPU (BENCHMARKS.md). Here every call is resolved at compile time.
protocol JSONValue {
    /// Whether the value is an object or an array: such members of an array go on their own lines.
    static var isContainer: Bool { get }
    func writeJSON(to writer: JSONByteWriter)
}

extension JSONValue {
    static var isContainer: Bool { false }
}

/// A JSON object: its members, in the order the type declares its stored properties (the order
/// synthesized `Codable` uses, so the files read the same as before; a test holds them equal).
protocol JSONObject: JSONValue {
    func writeMembers(to writer: JSONByteWriter)
}

extension JSONObject {
    static var isContainer: Bool { true }
    func writeJSON(to writer: JSONByteWriter) { writer.object { writeMembers(to: writer) } }
}

/// Pretty-printed JSON bytes: two spaces an indent, each member of an object on its own line,
/// arrays of scalars on one line (`["a", "b"]`), arrays of objects or arrays an element a line.
final class JSONByteWriter {
    // One encoding runs on one thread and never overlaps its own accesses: skip the runtime's
    // exclusivity bookkeeping, which cost more than the appends themselves.
    @exclusivity(unchecked) private var depth = 0
    /// Members written so far in the innermost open object.
    @exclusivity(unchecked) private var members = 0

    // The bytes written so far, in a buffer the writer owns. A file is thousands of short
    // appends (a key, an indent, a number); `[UInt8]` checked uniqueness and capacity and called
    // `memmove` for each, 4.7% of a backfill (perf). Not a `ByteBuffer`: held as a stored
    // property, its fields cost this writer 86 M more instructions a backfill (callgrind).
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var count = 0
    /// Where the last date's text starts in the buffer (-1: none), with its day number, day and
    /// month's length. A chart's points are consecutive sessions, so most dates fall later in the
    /// month of the one before and are its text with the day's digits changed (perf: working out
    /// each point's year, month and day, and their digits, was 2.7% of a backfill's instructions,
    /// callgrind).
    @exclusivity(unchecked) private var lastDate = (start: -1, dayNumber: 0, day: 0, monthLength: 0)

    /// Room for a typical note's facts (25 KB on average, 36 KB in 2026), so the buffer is rarely copied as it grows.
    init() {
        capacity = 40_960
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// `value` and a final line feed.
    static func document<T: JSONValue>(_ value: T) -> [UInt8] {
        let writer = JSONByteWriter()
        value.writeJSON(to: writer)
        writer.append(0x0A)
        return Array(UnsafeBufferPointer(start: writer.storage, count: writer.count))
    }

    private func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        storage[count] = byte
        count += 1
    }

    fileprivate func append(_ source: UnsafeBufferPointer<UInt8>) {
        let end = count + source.count
        if end > capacity { grow(toHold: end) }
        // A loop, not memmove: the runs are a few bytes (a key, a separator, an integer's digits).
        var target = storage + count
        for byte in source {
            target.pointee = byte
            target += 1
        }
        count = end
    }

    private func grow(toHold needed: Int) {
        ByteBuffer.grow(&storage, capacity: &capacity, count: count, toHold: needed)
    }

    /// An object whose members `body` writes with `member(_:_:)`.
    func object(_ body: () -> Void) {
        let outer = members
        members = 0
        append(0x7B)
        depth += 1
        body()
        depth -= 1
        if members > 0 { newline() }
        append(0x7D)
        members = outer
    }

    /// A member of the open object.
    func member<T: JSONValue>(_ key: StaticString, _ value: T) {
        newline(comma: members > 0)
        members += 1
        append(0x22)
        raw(key)
        raw("\": ")
        value.writeJSON(to: self)
    }

    /// A member that is left out when `value` is nil (as synthesized `Codable` leaves it out).
    func member<T: JSONValue>(_ key: StaticString, _ value: T?) {
        if let value { member(key, value) }
    }

    /// An array: scalars on the line of its opening bracket, objects and arrays each on its own line.
    func array<C: Collection>(_ elements: C) where C.Element: JSONValue {
        append(0x5B)
        guard !elements.isEmpty else { return append(0x5D) }
        if C.Element.isContainer {
            depth += 1
            for (index, element) in elements.enumerated() {
                newline(comma: index > 0)
                element.writeJSON(to: self)
            }
            depth -= 1
            newline()
        } else {
            for (index, element) in elements.enumerated() {
                if index > 0 { raw(", ") }
                element.writeJSON(to: self)
            }
        }
        append(0x5D)
    }

    /// A line feed and the indentation (after a comma when `comma`), written eight bytes at a
    /// time: the last word may run past the break, into room the buffer keeps for it (perf: a
    /// break copied byte by byte from a prepared buffer cost 113 instructions, 3.4% of a
    /// backfill's, callgrind; now 26. A break is 1 + 2 × depth bytes, 13 at a note's deepest).
    private func newline(comma: Bool = false) {
        let length = (comma ? 2 : 1) + 2 * depth
        if count + length + 8 > capacity { grow(toHold: count + length + 8) }
        let target = UnsafeMutableRawPointer(storage + count)
        let first: UInt64 = comma ? 0x2020_2020_2020_0A2C : 0x2020_2020_2020_200A  // ",\n" or "\n", then spaces
        target.storeBytes(of: first.littleEndian, as: UInt64.self)
        var offset = 8
        while offset < length {
            target.storeBytes(of: 0x2020_2020_2020_2020, toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        count += length
    }

    /// Text known when compiling: a bracket, a separator, a key. Inlined, so that its length and
    /// bytes are constants where it is called (perf: through a closure, 60 instructions for each
    /// of the 5 million a backfill writes, 1.7% of it, callgrind).
    @inline(__always)
    func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    func string(_ text: String) {
        append(0x22)
        // Most strings (dates, symbols, names) need no escape: copy them whole, from the
        // string's own storage when it has one (one pass to check, one copy).
        var text = text
        let copied = text.withUTF8 { buffer -> Bool in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            append(buffer)
            return true
        }
        if copied {
            append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: raw(#"\""#)
            case 0x5C: raw(#"\\"#)
            case 0x0A: raw(#"\n"#)
            case 0x0D: raw(#"\r"#)
            case 0x09: raw(#"\t"#)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                raw(#"\u00"#)
                append(hex[Int(byte >> 4)])
                append(hex[Int(byte & 0xF)])
            default: append(byte)
            }
        }
        append(0x22)
    }

    /// A whole number below 10^15 without a fraction (`3`, not `3.0`), anything else in the
    /// shortest form that reads back as the same Double; `null` for NaN and infinities,
    /// which JSON cannot write (the analytics never produce them; if they did, the rest of the
    /// file would still be there to audit).
    func number(_ value: Double) {
        guard value.isFinite else { return raw("null") }
        if abs(value) < 1e15, value == Double(Int64(value)) {  // not `rounded()`: a call into libm
            append(String(Int64(value)))
            return
        }
        if count + ShortestDecimal.room > capacity { grow(toHold: count + ShortestDecimal.room) }
        if let length = ShortestDecimal.write(value, to: storage + count) {
            count += length
        } else {
            var sink = ASCIISink(writer: self)
            value.write(to: &sink)
        }
    }

    func integer(_ value: Int) { append(String(value)) }

    /// A formatted number's bytes, copied from the string's storage (perf: appending its `utf8`
    /// view element by element was a quarter of writing a number).
    fileprivate func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A date as its JSON string; `YYYY-MM-DD` never needs an escape.
    func date(_ date: SessionDate) {
        append(0x22)
        if count + 11 > capacity { grow(toHold: count + 11) }
        let later = Int(date.dayNumber) - lastDate.dayNumber
        if lastDate.start >= 0, later >= 0, lastDate.day + later <= lastDate.monthLength {
            (storage + count).update(from: storage + lastDate.start, count: 8)
            let day = lastDate.day + later
            storage[count + 8] = UInt8(48 + day / 10)
            storage[count + 9] = UInt8(48 + day % 10)
            lastDate = (count, Int(date.dayNumber), day, lastDate.monthLength)
            count += 10
        } else if let (year, month, day) = date.writeISO(into: storage + count) {
            lastDate = (count, Int(date.dayNumber), day, SessionDate.daysIn(month: month, year: year))
            count += 10
        } else {
            lastDate.start = -1
            date.withISOBytes { append($0) }
        }
        append(0x22)
    }
}

/// Receives a Double's digits straight from the standard library's formatter.
///
/// `Double.description` makes a heap string for 16 characters or more, as most facts values are
/// (`-0.10025827659074904`): 27% of a backfill's allocations (a perf uprobe count). Writing
/// to a `TextOutputStream` gives the same digits, and one that implements `_writeASCII` gets them
/// as a buffer. Were that hook ever removed, `write(_:)` would still get the same text.
private struct ASCIISink: TextOutputStream {
    let writer: JSONByteWriter
    mutating func write(_ string: String) { writer.append(string) }
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { writer.append(buffer) }
}

extension String: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.string(self) } }
extension Double: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.number(self) } }
extension Int: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.integer(self) } }
extension Bool: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.raw(self ? "true" : "false") } }
extension SessionDate: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.date(self) } }
extension ObservationPeriod: JSONValue { func writeJSON(to writer: JSONByteWriter) { writer.string(description) } }

extension Array: JSONValue where Element: JSONValue {
    static var isContainer: Bool { true }
    func writeJSON(to writer: JSONByteWriter) { writer.array(self) }
}
