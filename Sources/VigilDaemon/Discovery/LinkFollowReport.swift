import VigilStore

/// What following a cycle's links came to.
public struct LinkFollowReport: Sendable, Equatable {
    public var followed = 0
    public var failed = 0
    public var summary = PollSummary()
    /// The feeds subscribed by following attackers, by URL.
    public var feedsSubscribed: [String] = []

    public init() {}

    public static func + (lhs: LinkFollowReport, rhs: LinkFollowReport) -> LinkFollowReport {
        var sum = lhs
        sum.followed += rhs.followed
        sum.failed += rhs.failed
        sum.summary = lhs.summary + rhs.summary
        sum.feedsSubscribed += rhs.feedsSubscribed
        return sum
    }
}
