#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The TCP connection of one SMTP session: connects with a timeout, writes bytes, reads CRLF lines.
final class SMTPConnection {
    let endpoint: SMTPEndpoint
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// A reply line longer than this is not SMTP (RFC 5321 §4.5.3.1.5 allows 512 octets).
    static let maximumLineLength = 4096

    init(to endpoint: SMTPEndpoint, timeoutSeconds: Int) throws(SMTPError) {
        self.endpoint = endpoint
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Self.streamType
        var addresses: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &addresses)
        guard status == 0, let first = addresses else {
            throw .cannotResolve(host: endpoint.host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(addresses) }
        var failure: Int32 = ECONNREFUSED
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let address = candidate {
            let candidateDescriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            if candidateDescriptor >= 0 {
                let error = Self.connect(candidateDescriptor, to: address.pointee, timeoutSeconds: timeoutSeconds)
                if error == 0 {
                    descriptor = candidateDescriptor
                    Self.setTimeouts(descriptor, seconds: timeoutSeconds)
                    return
                }
                failure = error
                close(candidateDescriptor)
            } else {
                failure = errno
            }
            candidate = address.pointee.ai_next
        }
        throw failure == ETIMEDOUT ? .timedOut(endpoint: endpoint)
            : .cannotConnect(endpoint: endpoint, reason: String(cString: strerror(failure)).lowercased())
    }

    deinit {
        close(descriptor)
    }

    func write(_ bytes: [UInt8]) throws(SMTPError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Self.sendFlags) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut(endpoint: endpoint) : .connectionClosed(endpoint: endpoint) }
            sent += count
        }
    }

    func write(line: String) throws(SMTPError) {
        try write(Array((line + "\r\n").utf8))
    }

    /// The next line the server sent, without its CRLF.
    func readLine() throws(SMTPError) -> String {
        while true {
            if let end = lineEnd() {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeSubrange(...(end + 1))
                return line
            }
            guard buffer.count <= Self.maximumLineLength else { throw .malformedReply(String(decoding: buffer, as: UTF8.self)) }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? .timedOut(endpoint: endpoint) : .connectionClosed(endpoint: endpoint) }
            buffer += chunk[..<count]
        }
    }

    /// The index of the CR of the first CRLF in the buffer.
    private func lineEnd() -> Int? {
        guard buffer.count >= 2 else { return nil }
        return (0..<(buffer.count - 1)).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 }
    }

    /// Connects without blocking longer than the timeout; returns 0 or the errno of the failure.
    private static func connect(_ descriptor: Int32, to address: addrinfo, timeoutSeconds: Int) -> Int32 {
        #if canImport(Glibc)
        let connectSocket = Glibc.connect
        #else
        let connectSocket = Darwin.connect
        #endif
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(descriptor, F_SETFL, flags) }
        if connectSocket(descriptor, address.ai_addr, address.ai_addrlen) == 0 { return 0 }
        guard errno == EINPROGRESS else { return errno }
        var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&poller, 1, Int32(timeoutSeconds * 1000))
        guard ready > 0 else { return ready == 0 ? ETIMEDOUT : errno }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
        return error
    }

    private static func setTimeouts(_ descriptor: Int32, seconds: Int) {
        var interval = timeval(tv_sec: seconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, size)
    }

    #if canImport(Glibc)
    private static let streamType = Int32(SOCK_STREAM.rawValue)
    /// A closed connection is an error to report, not a SIGPIPE that kills the process.
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let streamType = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif
}
