#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands a finished message to an SMTP server over plain TCP (RFC 5321): EHLO (HELO when the
/// server does not know EHLO), MAIL FROM, RCPT TO for each recipient, DATA, QUIT. It speaks
/// neither STARTTLS nor AUTH: point it at a relay that accepts the message without them.
public struct SMTPClient: Sendable {
    public var endpoint: SMTPEndpoint
    /// The name this client gives in EHLO.
    public var clientName: String
    public var timeoutSeconds: Int

    public init(endpoint: SMTPEndpoint, clientName: String = SMTPClient.localHostName, timeoutSeconds: Int = 30) {
        self.endpoint = endpoint
        self.clientName = clientName
        self.timeoutSeconds = timeoutSeconds
    }

    /// Delivers `message` (the bytes of an `.eml`) from `sender` to every recipient, or throws why not.
    public func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws(SMTPError) {
        for address in [sender] + recipients where !Mailbox.isAddress(address) {
            throw .invalidAddress(address)
        }
        let connection = try SMTPConnection(to: endpoint, timeoutSeconds: timeoutSeconds)
        do throws(SMTPError) {
            try deliver(message, from: sender, to: recipients, on: connection)
        } catch {
            // After a refusal the session is still in step, so it can end politely.
            if case .rejected = error { quit(connection) }
            throw error
        }
        quit(connection)
    }

    private func deliver(_ message: [UInt8], from sender: String, to recipients: [String],
                         on connection: SMTPConnection) throws(SMTPError) {
        try expectCompletion(SMTPReply.read(from: connection), to: nil)
        try greet(connection)
        try command("MAIL FROM:<\(sender)>", on: connection)
        for recipient in recipients {
            try command("RCPT TO:<\(recipient)>", on: connection)
        }
        let ready = try exchange("DATA", on: connection)
        guard ready.code == 354 else { throw .rejected(command: "DATA", reply: ready) }
        try connection.write(Self.dataPayload(message))
        try expectCompletion(SMTPReply.read(from: connection), to: "the message")
    }

    /// QUIT, whose answer changes nothing: the message was delivered or refused already.
    private func quit(_ connection: SMTPConnection) {
        _ = try? exchange("QUIT", on: connection)
    }

    /// EHLO, or HELO when the server rejects EHLO as unknown (RFC 5321 §3.2).
    private func greet(_ connection: SMTPConnection) throws(SMTPError) {
        let reply = try exchange("EHLO \(clientName)", on: connection)
        if reply.isCompletion { return }
        guard reply.isPermanentFailure else { throw .rejected(command: "EHLO \(clientName)", reply: reply) }
        try command("HELO \(clientName)", on: connection)
    }

    private func command(_ line: String, on connection: SMTPConnection) throws(SMTPError) {
        try expectCompletion(exchange(line, on: connection), to: line)
    }

    private func exchange(_ line: String, on connection: SMTPConnection) throws(SMTPError) -> SMTPReply {
        try connection.write(line: line)
        return try SMTPReply.read(from: connection)
    }

    private func expectCompletion(_ reply: SMTPReply, to command: String?) throws(SMTPError) {
        guard reply.isCompletion else { throw .rejected(command: command, reply: reply) }
    }

    /// The message as DATA carries it (RFC 5321 §4.5.2): CRLF line ends, a `.` doubled at the
    /// start of a line, then the `.` line that ends the data. The server removes the doubling, so
    /// it receives exactly the message's bytes (with a final CRLF added if there was none).
    static func dataPayload(_ message: [UInt8]) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message {
            if byte == 10 && previous != 13 { payload.append(13) }  // a bare LF
            if previous == 13 && byte != 10 { payload.append(10); atLineStart = true }  // a bare CR
            if atLineStart && byte == UInt8(ascii: ".") { payload.append(byte) }
            payload.append(byte)
            atLineStart = byte == 10
            previous = byte
        }
        if previous == 13 { payload.append(10) }
        if !payload.isEmpty && payload.last != 10 { payload += [13, 10] }
        return payload + Array(".\r\n".utf8)
    }

    /// This machine's name for EHLO, or `localhost`.
    public static var localHostName: String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "localhost" }
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return host.isEmpty || host.contains(where: { $0.isWhitespace }) ? "localhost" : host
    }
}
