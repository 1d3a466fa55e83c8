import Foundation

/// What one feed poll needs to know from the store before it scores, asked
/// in one read: how each parsed entry relates to what is stored, the source
/// history of the entries that mention someone, the watched people they
/// mention, and the findings about those people that coverage may link to.
public struct PollSnapshotRequest: Sendable {
    /// One parsed entry, in feed order.
    public struct Entry: Sendable, Equatable {
        public var key: EntryKey
        public var author: String?
        public var publishedAt: Date?
        /// Whether it mentions a watched person, so that a new or edited
        /// version needs its source history.
        public var mentions: Bool

        public init(key: EntryKey, author: String?, publishedAt: Date?, mentions: Bool) {
            self.key = key
            self.author = author
            self.publishedAt = publishedAt
            self.mentions = mentions
        }
    }

    public var feedID: Int64
    /// The poll's time: the first sight of its new entries.
    public var time: Date
    public var entries: [Entry]
    /// The watched people the entries mention.
    public var people: Set<Int64>
    /// The feed's new address after a permanent redirect, to learn whether
    /// another feed row already has it.
    public var movedURL: String?
    /// The most recent posts a source history holds.
    public var historyLimit: Int
    /// Stored posts by an author that make the feed's own history unnecessary.
    public var minimumAuthorPosts: Int
    /// Whether the feed's own history counts (not for search results, which
    /// mix many sources).
    public var readsFeedHistory: Bool
    /// How far apart in creation time related findings may be.
    public var relatedWindow: TimeInterval

    public init(
        feedID: Int64, time: Date, entries: [Entry], people: Set<Int64> = [], movedURL: String? = nil,
        historyLimit: Int = 200, minimumAuthorPosts: Int = 3, readsFeedHistory: Bool = true,
        relatedWindow: TimeInterval = 30 * 86_400
    ) {
        self.feedID = feedID
        self.time = time
        self.entries = entries
        self.people = people
        self.movedURL = movedURL
        self.historyLimit = historyLimit
        self.minimumAuthorPosts = minimumAuthorPosts
        self.readsFeedHistory = readsFeedHistory
        self.relatedWindow = relatedWindow
    }
}
