import Foundation

/// What one feed poll needs to know from the store before it scores, asked
/// in one read: how each parsed entry relates to what is stored, and for the
/// new and edited entries that mention someone, their source history and the
/// watched people they mention. Entries stored unchanged cost one lookup.
public struct PollSnapshotRequest: Sendable {
    /// One parsed entry, in feed order.
    public struct Entry: Sendable, Equatable {
        public var key: EntryKey
        public var author: String?
        public var publishedAt: Date?
        /// The watched people it mentions, by person ID: a new or edited
        /// version needs its source history and their rows.
        public var people: [Int64]
        /// The entry's address: a post already stored as a followed page is
        /// not stored again when its site's feed brings it.
        public var url: String?
        /// The GitHub account that wrote it (a comment's author, or the
        /// account whose trail led to a followed feed).
        public var account: String?

        public init(key: EntryKey, author: String?, publishedAt: Date?, people: [Int64] = [], url: String? = nil, account: String? = nil) {
            self.key = key
            self.author = author
            self.publishedAt = publishedAt
            self.people = people
            self.url = url
            self.account = account
        }
    }

    public var feedID: Int64
    /// The poll's time: the first sight of its new entries.
    public var time: Date
    public var entries: [Entry]
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
    /// How long before an item a closed pull request traces it (14 days).
    public var trailWindow: TimeInterval = 14 * 86400

    public init(
        feedID: Int64, time: Date, entries: [Entry], movedURL: String? = nil,
        historyLimit: Int = 200, minimumAuthorPosts: Int = 3, readsFeedHistory: Bool = true
    ) {
        self.feedID = feedID
        self.time = time
        self.entries = entries
        self.movedURL = movedURL
        self.historyLimit = historyLimit
        self.minimumAuthorPosts = minimumAuthorPosts
        self.readsFeedHistory = readsFeedHistory
    }
}
