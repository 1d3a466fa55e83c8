/// How feeds are polled: default interval and its adaptive bounds, limits on
/// concurrency, and how long items that mention nobody are remembered.
public struct PollSettings: Sendable, Equatable {
    public var intervalSeconds = 900
    public var minIntervalSeconds = 300
    public var maxIntervalSeconds = 86_400
    public var allowFileURLs = false
    /// Whether redirects to other hosts, followed links, discovered feeds and
    /// the GitHub API may reach private addresses; see `FetchConfiguration`.
    public var allowPrivateAddresses = false
    public var maxConnections = 32
    public var maxConnectionsPerHost = 2
    public var hostGapSeconds = 1.0
    public var retentionSeconds = 90 * 86_400
    /// Whether links in items that mention a watched person, and in comments
    /// on pull requests a watched person closed, are followed.
    public var followLinks = true
    /// Links followed in one cycle, and of one host; the rest wait.
    public var maxLinksPerCycle = 20
    public var maxLinksPerHost = 3
    /// How long a feed, repository, link or alert a worker took stays its
    /// own on PostgreSQL: a worker that dies loses its work to the others
    /// after this long. Longer than one feed's fetch and store, with room.
    public var workerLeaseSeconds = 300
    /// When set, links are followed only to these hosts: the demo keeps to
    /// its loopback server. Not a config key.
    public var followedLinkHosts: Set<String>?

    public init() {}
}
