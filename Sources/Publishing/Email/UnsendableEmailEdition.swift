/// The email edition to send was never built, or was built with the placeholder sender; the
/// hint says how to build it.
public struct UnsendableEmailEdition: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let hint: String

    public var description: String { message + "\nhint: " + hint }
}
