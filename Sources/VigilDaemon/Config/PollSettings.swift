/// How feeds are polled: default interval and its adaptive bounds, limits on
/// concurrency, and how long items that mention nobody are remembered.
public struct PollSettings: Sendable, Equatable {
    public var intervalSeconds = 900
    public var minIntervalSeconds = 300
    public var maxIntervalSeconds = 86_400
    public var allowFileURLs = false
    /// Whether redirects to other hosts (and, later, discovered feeds and
    /// followed links) may reach private addresses; see `FetchConfiguration`.
    public var allowPrivateAddresses = false
    public var maxConnections = 32
    public var maxConnectionsPerHost = 2
    public var hostGapSeconds = 1.0
    public var retentionSeconds = 90 * 86_400

    public init() {}
}
