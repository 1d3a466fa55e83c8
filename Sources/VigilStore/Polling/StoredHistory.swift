import Foundation

/// The stored source history of one entry up to its `HistoryCutoff`: its
/// author's posts across feeds, and its feed's posts when the author's are
/// too few to stand alone.
public struct StoredHistory: Sendable, Equatable {
    public var cutoff: HistoryCutoff
    /// Newest first; empty without an author.
    public var authorPosts: [HistoryPost]
    /// Newest first; nil when the author's own posts are enough or the feed's do not count.
    public var feedPosts: [HistoryPost]?

    public init(cutoff: HistoryCutoff, authorPosts: [HistoryPost], feedPosts: [HistoryPost]?) {
        self.cutoff = cutoff
        self.authorPosts = authorPosts
        self.feedPosts = feedPosts
    }
}
