import VigilStore

/// What polling one repository came to, for the cycle's totals and the logs.
public struct GitHubPollReport: Sendable, Equatable {
    public var repo: String
    /// Requests sent (each page counts) and how many of them GitHub answered 304.
    public var requests = 0
    public var notModified = 0
    /// Comments read (new, edited and unchanged).
    public var comments = 0
    public var summary = PollSummary()
    public var attacks: [FeedPollReport.Attack] = []
    public var linksQueued = 0
    /// Why the poll stopped early, in one line (the token never appears).
    public var failure: String?

    public init(repo: String) {
        self.repo = repo
    }
}
