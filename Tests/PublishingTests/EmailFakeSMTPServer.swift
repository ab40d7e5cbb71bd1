import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-connection SMTP server on 127.0.0.1, in process: it answers each command from a script
/// of replies and records what it received, so a test can check both sides of the dialogue.
final class EmailFakeSMTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var commands: [String] = []
    private var data: [UInt8] = []
    private let finished = DispatchSemaphore(value: 0)

    /// A loopback port that nothing listens on: bound, then closed at once.
    static func closedPort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        return try bindLoopback(probe)
    }

    /// Binds `descriptor` to 127.0.0.1 on a free port and returns the port.
    private static func bindLoopback(_ descriptor: Int32) throws -> Int {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `replies` maps a command verb (`EHLO`, `RCPT`, `DATA`, `.` for the end of data) to the reply line(s).
    init(replies: [String: String] = [:]) throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        port = try Self.bindLoopback(listener)
        guard listen(listener, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        let script = ["GREETING": "220 fake.example ESMTP", "EHLO": "250-fake.example\r\n250 8BITMIME", "HELO": "250 fake.example",
                      "MAIL": "250 OK", "RCPT": "250 OK", "DATA": "354 End data with <CR><LF>.<CR><LF>", ".": "250 Queued",
                      "QUIT": "221 Bye"].merging(replies) { $1 }
        Thread.detachNewThread { [self] in serve(script) }
    }

    deinit { close(listener) }  // after the client went: the serving thread holds the server until then

    /// The commands received, once the client has gone.
    var receivedCommands: [String] {
        finished.wait()
        finished.signal()
        return lock.withLock { commands }
    }

    /// The message as received: dot-stuffing removed, the final `.` line left out.
    var receivedData: [UInt8] {
        finished.wait()
        finished.signal()
        return lock.withLock { data }
    }

    private func serve(_ script: [String: String]) {
        defer { finished.signal() }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var reader = LineReader(socket: connection)
        reply(script["GREETING"]!, on: connection)
        while let line = reader.next() {
            lock.withLock { commands.append(line) }
            let verb = String(line.prefix { $0 != " " && $0 != ":" }).uppercased()
            let answer = script[verb] ?? "500 Unknown command"
            reply(answer, on: connection)
            if verb == "DATA" && answer.hasPrefix("354") {
                var message: [UInt8] = []
                while let dataLine = reader.nextRaw(), dataLine != Array(".\r\n".utf8) {
                    message += dataLine.first == UInt8(ascii: ".") ? Array(dataLine.dropFirst()) : dataLine
                }
                lock.withLock { data = message }
                reply(script["."]!, on: connection)
            }
            if verb == "QUIT" { return }
        }
    }

    private func reply(_ text: String, on connection: Int32) {
        let bytes = Array((text + "\r\n").utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads CRLF-terminated lines from a socket.
    struct LineReader {
        let socket: Int32
        var buffer: [UInt8] = []

        mutating func next() -> String? {
            nextRaw().map { String(decoding: $0.dropLast(2), as: UTF8.self) }
        }

        /// The next line with its CRLF.
        mutating func nextRaw() -> [UInt8]? {
            while true {
                if let end = (0..<max(0, buffer.count - 1)).first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                    let line = Array(buffer[...(end + 1)])
                    buffer.removeSubrange(...(end + 1))
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }
    }
}
