/// How a note's message is addressed and dated beyond what `marketnote.yml` says (`email.from`,
/// `email.subjectPrefix`): by default to `undisclosed-recipients:;`, at 07:00 +0000.
public struct EmailEditionSettings: Sendable, Equatable {
    /// The To header; empty for `undisclosed-recipients:;` (the envelope names the recipients).
    public var to: [Mailbox]
    public var sendTime: SendTime

    public init(to: [Mailbox] = [], sendTime: SendTime = SendTime()) {
        self.to = to
        self.sendTime = sendTime
    }
}
