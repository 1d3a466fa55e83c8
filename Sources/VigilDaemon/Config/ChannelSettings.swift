/// One alert channel as configured: where alerts go, which ones, and the
/// kind-specific settings its sender needs.
public struct ChannelSettings: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case console, jsonl, webhook, slack, discord, matrix, ntfy, email, exec
    }

    public var name: String
    public var kind: Kind
    public var minSeverity: String = "medium"
    /// Only findings about these people or teams; empty means everyone.
    public var people: [String] = []
    public var teams: [String] = []
    public var url: SecretSource?
    public var secret: SecretSource?
    public var token: SecretSource?
    public var password: SecretSource?
    public var headers: [String: String] = [:]
    public var path: String?
    public var room: String?
    public var from: String?
    public var to: [String] = []
    public var username: String?
    public var starttls = true
    public var command: [String] = []
    public var timeoutSeconds = 30
    public var quietHours: String?
    public var groupWindowSeconds = 0
    public var rateLimitPerHour = 0
    public var maxAgeSeconds = 86_400

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
