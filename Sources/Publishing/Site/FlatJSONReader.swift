import Foundation
import MarketData

/// Reads JSON of objects, arrays and strings token by token, straight from bytes, for
/// `notes/index.json`: Foundation's `JSONDecoder` took 40 ms of a 200 ms daily build to read the
/// 6,549 notes of the sample's manifest. Every method returns nil (or false) on anything else,
/// and the caller then falls back to `JSONDecoder`.
struct FlatJSONReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether only white space is left.
    var atEnd: Bool {
        mutating get {
            skipSpace()
            return position == bytes.count
        }
    }

    /// Consumes `byte` (after white space) when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads the members of an array or object whose opening bracket was taken, up to `close`:
    /// `member` reads one; false when a member fails or the separators are wrong.
    mutating func members(close: UInt8, _ member: (inout FlatJSONReader) -> Bool) -> Bool {
        if take(close) { return true }
        repeat {
            guard member(&self) else { return false }
        } while take(0x2C)
        return take(close)
    }

    /// Reads a string.
    mutating func string() -> String? {
        // Most strings have no escape: take their bytes whole.
        readString({ String(decoding: $0, as: UTF8.self) }, escaped: { $0 })
    }

    /// Reads a string without keeping it.
    mutating func skipString() -> Bool {
        readString({ _ in true }, escaped: { _ in true }) ?? false
    }

    /// Reads a string that is one of `names`, and gives its index; nil for another string or
    /// anything else. Compared as bytes, without making a String (the manifest's keys: 26,000 a
    /// daily build).
    mutating func key(among names: [StaticString]) -> Int? {
        readString({ key in
            names.firstIndex { name in
                name.utf8CodeUnitCount == key.count && memcmp(key.baseAddress!, name.utf8Start, key.count) == 0
            }
        }, escaped: { key in names.firstIndex { $0.description == key } })
    }

    /// Reads a string that is a date, `YYYY-MM-DD`, from its bytes; nil for anything else.
    mutating func date() -> SessionDate? {
        readString(SessionDate.init(isoBytes:), escaped: SessionDate.init)
    }

    /// Reads a string and gives `plain` of its bytes, or, for one with an escape, `escaped` of
    /// its decoded text; nil when no string comes next. Inlined, so that each reader above gets
    /// it specialized to its own closures (called through them, reading the manifest's 52,000
    /// strings took 2.6 M instructions more).
    @inline(__always)
    private mutating func readString<T>(_ plain: (UnsafeBufferPointer<UInt8>) -> T?, escaped: (String) -> T?) -> T? {
        guard let start = openString() else { return nil }
        let end = plainEnd(from: start)
        guard end < bytes.count else { return nil }
        guard bytes[end] == 0x22 else {
            position = end
            return escapedString(from: start).flatMap(escaped)
        }
        position = end + 1
        return bytes.withUnsafeBufferPointer { plain(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Where the string's text starts, after its opening quote (white space before it skipped);
    /// nil, with nothing read, when no string comes next.
    private mutating func openString() -> Int? {
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x22 else { return nil }
        position += 1
        return position
    }

    /// The first quote, backslash or control byte from `start` (the end of a string without
    /// escapes when it is a quote), or the end of the bytes.
    private func plainEnd(from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                index += 1
            }
            return index
        }
    }

    /// Reads an array of strings.
    mutating func strings() -> [String]? {
        var strings: [String] = []
        let read = take(0x5B) && members(close: 0x5D) { reader in
            guard let string = reader.string() else { return false }
            strings.append(string)
            return true
        }
        return read ? strings : nil
    }

    private mutating func escapedString(from start: Int) -> String? {
        var decoded = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x22: return String(validating: decoded, as: UTF8.self)
            case 0x5C:
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: decoded.append(escape)
                case 0x62: decoded.append(0x08)
                case 0x66: decoded.append(0x0C)
                case 0x6E: decoded.append(0x0A)
                case 0x72: decoded.append(0x0D)
                case 0x74: decoded.append(0x09)
                case 0x75:
                    guard let scalar = unicodeEscape() else { return nil }
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default: decoded.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (the `\u` already read), with a following low surrogate if needed.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
        guard position + 1 < bytes.count, bytes[position] == 0x5C, bytes[position + 1] == 0x75 else { return nil }
        position += 2
        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else { return nil }
        position += 4
        return value
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }
}
