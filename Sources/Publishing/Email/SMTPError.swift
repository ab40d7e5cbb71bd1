/// Why a message was not delivered.
public enum SMTPError: Error, Equatable, CustomStringConvertible {
    case invalidAddress(String)
    case cannotResolve(host: String, reason: String)
    case cannotConnect(endpoint: SMTPEndpoint, reason: String)
    case timedOut(endpoint: SMTPEndpoint)
    case connectionClosed(endpoint: SMTPEndpoint)
    case malformedReply(String)
    /// The server answered `command` (or the greeting, when nil) with a failure reply.
    case rejected(command: String?, reply: SMTPReply)

    public var description: String {
        switch self {
        case .invalidAddress(let address):
            "'\(address)' is not an email address"
        case .cannotResolve(let host, let reason):
            "cannot find the SMTP server \(host): \(reason)"
        case .cannotConnect(let endpoint, let reason):
            "cannot connect to the SMTP server at \(endpoint): \(reason)"
        case .timedOut(let endpoint):
            "the SMTP server at \(endpoint) did not answer in time"
        case .connectionClosed(let endpoint):
            "the SMTP server at \(endpoint) closed the connection"
        case .malformedReply(let line):
            "the SMTP server sent a reply that is not SMTP: \(line.prefix(80))"
        case .rejected(let command, let reply):
            "the SMTP server rejected \(command ?? "the connection"): \(reply)"
        }
    }
}
