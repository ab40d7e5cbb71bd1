/// A server reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public let code: Int
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx: the command was done.
    public var isCompletion: Bool { (200...299).contains(code) }
    /// 5xx: the command failed for good.
    public var isPermanentFailure: Bool { (500...599).contains(code) }

    public var description: String { "\(code) " + lines.joined(separator: " / ") }

    /// Reads `250-…` continuation lines up to the last `250 …` line.
    static func read(from connection: SMTPConnection) throws(SMTPError) -> SMTPReply {
        var lines: [String] = []
        while true {
            let line = try connection.readLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200...599).contains(code),
                  bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") else {
                throw .malformedReply(line)
            }
            lines.append(String(decoding: bytes.dropFirst(4), as: UTF8.self))
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") { return SMTPReply(code: code, lines: lines) }
        }
    }
}
