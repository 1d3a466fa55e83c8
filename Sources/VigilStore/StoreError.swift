/// Errors from the store, as values with the context a user needs to act.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// True when the caller's input was wrong (an unknown person, a duplicate feed),
    /// rather than the database failing.
    public let isBadInput: Bool

    public init(_ message: String, isBadInput: Bool) {
        self.message = message
        self.isBadInput = isBadInput
    }

    public var description: String { message }
}
