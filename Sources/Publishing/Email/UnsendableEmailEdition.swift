/// The email edition to send was never built, was built with the placeholder sender, or went to
/// these recipients before; the hint says what to do.
public struct UnsendableEmailEdition: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let hint: String

    public init(message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message + "\nhint: " + hint }
}
