import Foundation
import VigilStore

/// The totals of one poll cycle, as `vigil poll --once` prints them and the
/// cycles table keeps them.
public struct CycleReport: Sendable {
    public var startedAt: Date
    public var finishedAt: Date
    public var feedsPolled = 0
    public var feedsFailed = 0
    public var entries = 0
    public var summary = PollSummary()
    /// Every feed's report, in completion order.
    public var feeds: [FeedPollReport] = []
    /// Why the cycle stopped early: the first result it could not store (a
    /// full disk, a damaged or locked database). Feeds not yet started were
    /// left for the next cycle; what was stored before stays as it was.
    public var storeFailure: String?
    /// Every watched repository's report, in poll order.
    public var repositories: [GitHubPollReport] = []
    /// The links followed after the feeds.
    public var links = LinkFollowReport()

    public init(startedAt: Date, finishedAt: Date) {
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    public var duration: TimeInterval { finishedAt.timeIntervalSince(startedAt) }
}
