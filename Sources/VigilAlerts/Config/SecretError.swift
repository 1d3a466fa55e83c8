/// A secret that could not be resolved. The description names where the
/// secret was expected, never its value.
public struct SecretError: Error, CustomStringConvertible, Sendable {
    public let source: SecretSource
    public let reason: String

    public init(source: SecretSource, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { reason }
}
