/// The email edition to send was never built; the hint says how to build it.
public struct MissingEmailEdition: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let hint: String

    public var description: String { message + "\nhint: " + hint }
}
