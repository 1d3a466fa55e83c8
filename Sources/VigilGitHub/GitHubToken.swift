/// A GitHub access token. It is sent only in the Authorization header of
/// requests to the configured API host; its description and reflection
/// never show it, so logging or dumping a configuration cannot leak it.
public struct GitHubToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    /// Nil for an empty token or one with whitespace or control characters,
    /// which could not travel in a header line as it is.
    public init?(_ value: String) {
        guard !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        self.value = value
    }

    public var description: String { "GitHubToken(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
