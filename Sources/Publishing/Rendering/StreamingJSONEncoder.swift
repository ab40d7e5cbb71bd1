import Analytics
import MarketData

/// Encodes `Encodable` values straight into pretty-printed JSON bytes, keys in the order the
/// types encode them (declaration order for synthesized conformances, so output is stable).
///
/// Foundation's `JSONEncoder` builds a tree of boxed values and sorts every key; on a backfill
/// it took a quarter of all instructions for `facts.json` (Benchmarks/, callgrind). This writer
/// relies on what synthesized `Codable` does: one container per value, filled depth-first.
/// Dictionaries are not supported (their order is not stable); the facts have none.
public struct StreamingJSONEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = JSONByteWriter()
        let encoder = StreamEncoder(writer: writer)
        try value.encode(to: encoder)
        encoder.close()
        writer.bytes.append(0x0A)
        return writer.bytes
    }
}

/// The output buffer and the indentation state shared by every container of one encoding.
final class JSONByteWriter {
    // One encoding runs on one thread and never overlaps its own accesses: skip the runtime's
    // exclusivity bookkeeping, which cost more than the appends themselves.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var depth = 0
    /// Encoders for nested values, one per nesting level, reused from value to value: encoding is
    /// depth-first, so a level's encoder is free again once its value is written.
    @exclusivity(unchecked) private var levels: [StreamEncoder] = []

    /// Room for a typical note's facts (25 KB on average, 36 KB in 2026), so the buffer is not copied as it grows.
    init() { bytes.reserveCapacity(40_960) }

    /// A fresh encoder for a value nested `level` deep.
    func encoder(level: Int, parentArray: StreamEncoder?) -> StreamEncoder {
        while levels.count <= level { levels.append(StreamEncoder(writer: self)) }
        let encoder = levels[level]
        encoder.reset(level: level, parentArray: parentArray)
        return encoder
    }

    /// A line feed and the indentation (after a comma when `comma`), in one append from a
    /// prepared buffer (perf: byte by byte, this was 1% of a backfill; in three appends, half that).
    func newline(comma: Bool = false) {
        let start = comma ? 0 : 1
        let count = 1 + 2 * depth
        if count < Self.breaks.count {
            Self.breaks.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...count])) }
        } else {
            if comma { bytes.append(0x2C) }
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: count - 1))
        }
    }

    /// A comma, a line feed and 64 spaces: any line break up to 32 levels deep is a slice of it.
    private static let breaks: [UInt8] = [0x2C, 0x0A] + [UInt8](repeating: 0x20, count: 64)

    func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func string(_ text: String) {
        bytes.append(0x22)
        // Most strings (dates, symbols, names) need no escape: copy them whole, from the
        // string's own storage when it has one (one pass to check, one copy).
        var text = text
        let copied = text.withUTF8 { buffer -> Bool in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied {
            bytes.append(0x22)
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
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "JSON has no NaN or infinity"))
        }
        if value == value.rounded(), abs(value) < 1e15 {
            append(String(Int64(value)))
        } else {
            append(value.description)
        }
    }

    func integer<T: BinaryInteger>(_ value: T) { append(String(value)) }

    /// A formatted number's bytes, copied from the string's storage (perf: appending its `utf8`
    /// view element by element was a quarter of writing a number).
    private func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A date as its JSON string; `YYYY-MM-DD` never needs an escape.
    func date(_ date: SessionDate) {
        bytes.append(0x22)
        date.appendISO(to: &bytes)
        bytes.append(0x22)
    }

    /// An array of chart points, one `["YYYY-MM-DD", value]` a line, as `Encodable` would write it.
    func chartPoints(_ points: [ChartPoint]) throws {
        bytes.append(0x5B)
        guard !points.isEmpty else { return bytes.append(0x5D) }
        depth += 1
        for (index, point) in points.enumerated() {
            newline(comma: index > 0)
            bytes.append(0x5B)
            date(point.date)
            raw(", ")
            try number(point.value)
            bytes.append(0x5D)
        }
        depth -= 1
        newline()
        bytes.append(0x5D)
    }
}

/// Encodes one value; remembers which container it opened so its parent can close it.
///
/// Objects put each member on its own line; arrays keep scalars on one line (`["2026-01-15", 0.061]`)
/// and put nested objects and arrays on their own lines.
final class StreamEncoder: Encoder {
    enum Opened { case none, object, array, single }

    /// Unowned without the runtime's check (which was 1% of a backfill): the writer holds its
    /// encoders, and `encode` holds the writer until the last of them is done.
    unowned(unsafe) let writer: JSONByteWriter
    /// Not tracked: keeping it would cost an array per value, and no error here needs it.
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The array this value is a member of, which writes the separator once it knows the value's kind.
    @exclusivity(unchecked) private var parentArray: StreamEncoder?
    @exclusivity(unchecked) private(set) var opened = Opened.none
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var hasBlockMembers = false
    @exclusivity(unchecked) private var level = 0

    init(writer: JSONByteWriter) {
        self.writer = writer
    }

    func reset(level: Int, parentArray: StreamEncoder?) {
        self.level = level
        self.parentArray = parentArray
        opened = .none
        count = 0
        hasBlockMembers = false
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened == .none {
            parentArray?.arrayMember(block: true)
            opened = .object
            writer.bytes.append(0x7B)
            writer.depth += 1
        }
        return KeyedEncodingContainer(KeyedStream<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if opened == .none {
            parentArray?.arrayMember(block: true)
            opened = .array
            writer.bytes.append(0x5B)
            writer.depth += 1
        }
        return UnkeyedStream(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        if opened == .none { parentArray?.arrayMember(block: false) }
        opened = .single
        return SingleStream(encoder: self)
    }

    /// Starts the next member of this object: a comma after the first, then a new line.
    func objectMember() {
        writer.newline(comma: count > 0)
        count += 1
    }

    /// Starts the next member of this array: nested containers on a new line, scalars inline.
    func arrayMember(block: Bool) {
        if block {
            hasBlockMembers = true
            writer.newline(comma: count > 0)
        } else if count > 0 {
            writer.bytes.append(0x2C)
            writer.bytes.append(0x20)
        }
        count += 1
    }

    /// Encodes a nested value through a child encoder and closes what it opened.
    func encodeNested<T: Encodable>(_ value: T, inArray: Bool) throws {
        // The facts' most frequent values are written directly, to the same bytes: through
        // `Encodable`, the chart points alone were 9% of a backfill's CPU (perf). Comparing the
        // type first keeps every other value clear of a dynamic cast.
        if T.self == SessionDate.self, let date = value as? SessionDate {
            if inArray { arrayMember(block: false) }
            writer.date(date)
            return
        }
        if T.self == [ChartPoint].self, let points = value as? [ChartPoint] {
            if inArray { arrayMember(block: true) }
            try writer.chartPoints(points)
            return
        }
        let child = writer.encoder(level: level + 1, parentArray: inArray ? self : nil)
        try value.encode(to: child)
        child.close()
    }

    /// Writes the closing bracket of the container this encoder opened (`null` if it wrote nothing).
    func close() {
        switch opened {
        case .object:
            writer.depth -= 1
            if count > 0 { writer.newline() }
            writer.bytes.append(0x7D)
        case .array:
            writer.depth -= 1
            if hasBlockMembers { writer.newline() }
            writer.bytes.append(0x5D)
        case .none:
            parentArray?.arrayMember(block: false)
            writer.raw("null")
        case .single:
            break
        }
    }
}

struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    private func key(_ key: Key) {
        encoder.objectMember()
        encoder.writer.string(key.stringValue)
        encoder.writer.raw(": ")
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); encoder.writer.raw("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); encoder.writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); encoder.writer.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); try encoder.writer.number(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); try encoder.writer.number(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); encoder.writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try encoder.encodeNested(value, inArray: false)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("StreamingJSONEncoder does not support nested containers; encode a value instead")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        preconditionFailure("StreamingJSONEncoder does not support nested containers; encode a value instead")
    }

    mutating func superEncoder() -> Encoder { preconditionFailure("StreamingJSONEncoder does not support superEncoder") }
    mutating func superEncoder(forKey key: Key) -> Encoder { preconditionFailure("StreamingJSONEncoder does not support superEncoder") }
}

struct UnkeyedStream: UnkeyedEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    private(set) var count = 0

    init(encoder: StreamEncoder) { self.encoder = encoder }

    mutating func encodeNil() throws { member(); encoder.writer.raw("null") }
    mutating func encode(_ value: Bool) throws { member(); encoder.writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { member(); encoder.writer.string(value) }
    mutating func encode(_ value: Double) throws { member(); try encoder.writer.number(value) }
    mutating func encode(_ value: Float) throws { member(); try encoder.writer.number(Double(value)) }
    mutating func encode(_ value: Int) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: Int8) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: Int16) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: Int32) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: Int64) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { member(); encoder.writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { member(); encoder.writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        count += 1
        try encoder.encodeNested(value, inArray: true)
    }

    private mutating func member() {
        encoder.arrayMember(block: false)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        preconditionFailure("StreamingJSONEncoder does not support nested containers; encode a value instead")
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        preconditionFailure("StreamingJSONEncoder does not support nested containers; encode a value instead")
    }

    mutating func superEncoder() -> Encoder { preconditionFailure("StreamingJSONEncoder does not support superEncoder") }
}

struct SingleStream: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.writer.raw("null") }
    mutating func encode(_ value: Bool) throws { encoder.writer.raw(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.writer.string(value) }
    mutating func encode(_ value: Double) throws { try encoder.writer.number(value) }
    mutating func encode(_ value: Float) throws { try encoder.writer.number(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: Int32) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: Int64) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: Int8) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: Int16) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoder.writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoder.writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeNested(value, inArray: false) }
}

