import VigilStore

/// What polling one feed came to, for the cycle's totals and the logs.
public struct FeedPollReport: Sendable, Equatable {
    public var feedURL: String
    public var failed: Bool
    /// One line: what was fetched, or why it failed.
    public var detail: String
    public var entries: Int
    public var summary: PollSummary
    /// True when the fetch went through but its results could not be stored
    /// (the database failed, not the feed).
    public var storeFailed: Bool
    /// The attack findings the poll stored or reopened.
    public var attacks: [Attack] = []
    /// How many of its entries' links were queued to follow.
    public var linksQueued = 0

    /// An attack finding and the address of its item.
    public struct Attack: Sendable, Equatable {
        public var findingID: Int64
        public var itemURL: String?

        public init(findingID: Int64, itemURL: String?) {
            self.findingID = findingID
            self.itemURL = itemURL
        }
    }

    public init(
        feedURL: String, failed: Bool, detail: String, entries: Int = 0, summary: PollSummary = PollSummary(),
        storeFailed: Bool = false
    ) {
        self.feedURL = feedURL
        self.failed = failed
        self.detail = detail
        self.entries = entries
        self.summary = summary
        self.storeFailed = storeFailed
    }
}
