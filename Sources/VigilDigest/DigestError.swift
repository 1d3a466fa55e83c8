/// A digest that cannot be produced as asked, with a reason a user can act on.
public struct DigestError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// True when the request or configuration was wrong, not the machinery.
    public let isBadInput: Bool

    public init(_ message: String, isBadInput: Bool = true) {
        self.message = message
        self.isBadInput = isBadInput
    }

    public var description: String { message }
}
