/// How a claim of the poller lease ended.
public enum PollerLeaseClaim: Sendable, Equatable {
    /// The lease is now this row.
    case taken(PollerLeaseRecord)
    /// Another poller holds it; this is its row.
    case held(PollerLeaseRecord)
}
