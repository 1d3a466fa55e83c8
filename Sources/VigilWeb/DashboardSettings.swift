import VigilStore

/// What the dashboard takes from the config and from the rest of vigil.
public struct DashboardSettings: Sendable {
    /// Addresses of the reverse proxies (besides this machine's) whose
    /// `X-Forwarded-Proto` and `X-Forwarded-For` are believed (`[web] trusted_proxies`).
    public var trustedProxies: [String]
    /// The poll interval of a feed an admin adds (`[poll] interval`).
    public var feedIntervalSeconds: Int
    /// The sentence saying how the feed's and author's history moved the
    /// finding's agent score, or nil; the scoring pipeline knows how to say
    /// it, the dashboard only shows it.
    public var explainSourcePrior: (@Sendable (FindingDetail) -> String?)?

    public init(
        trustedProxies: [String] = [], feedIntervalSeconds: Int = 900, explainSourcePrior: (@Sendable (FindingDetail) -> String?)? = nil
    ) {
        self.trustedProxies = trustedProxies
        self.feedIntervalSeconds = feedIntervalSeconds
        self.explainSourcePrior = explainSourcePrior
    }
}
