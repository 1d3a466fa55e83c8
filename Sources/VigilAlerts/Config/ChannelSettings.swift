import VigilStore

/// One alert channel as configured: where alerts go, which ones, and the
/// kind-specific settings its sender needs.
///
/// It lives with the senders rather than with the config reader so that the
/// alerting library can be used (and tested) without the daemon.
public struct ChannelSettings: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case console, jsonl, webhook, slack, discord, matrix, ntfy, email, exec
    }

    public var name: String
    public var kind: Kind
    public var minSeverity: String = "medium"
    /// The finding kinds it hears about. Attacks only by default: coverage of
    /// an attack and plain mentions are news, not something to page about.
    public var kinds: [FindingKind] = [.attack]
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
    /// A PEM bundle of certificate authorities to trust instead of the
    /// system's, for a mail server or webhook behind a private CA.
    public var caFile: String?
    public var command: [String] = []
    public var timeoutSeconds = 30
    public var quietHours: String?
    /// The zone `quietHours` is read in (an IANA name); nil means the machine's.
    /// A team's channel often serves people in another zone than the server's.
    public var timeZone: String?
    public var groupWindowSeconds = 0
    /// Messages an hour at most; 0 means no limit. On by default, so that a
    /// flood of findings cannot turn into a flood of pages.
    public var rateLimitPerHour = Self.defaultRateLimitPerHour
    /// Messages on their way at once. A few, so a slow receiver's timeouts
    /// overlap instead of adding up, and not many, so a receiver is not
    /// flooded; console and jsonl always write one at a time, in order.
    public var maxInFlight = 4
    public var maxAgeSeconds = 86_400

    public static let defaultRateLimitPerHour = 30

    /// How many messages the dispatcher sends at once on this channel.
    public var concurrency: Int {
        switch kind {
        case .console, .jsonl: 1
        default: max(maxInFlight, 1)
        }
    }

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
