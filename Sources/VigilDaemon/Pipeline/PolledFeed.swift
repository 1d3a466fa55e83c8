import Foundation
import VigilStore

/// The Entry stage's result for one feed: the feed's state after the fetch,
/// and its entries reduced to text, before anything is matched or read from
/// the store.
public struct PolledFeed: Sendable {
    /// The feed as the poll found it.
    public var feed: FeedRecord
    /// Its state after the fetch: validators, schedule, health, address.
    public var next: FeedRecord
    public var entries: [PreparedEntry]
    /// Whether every fetch failed.
    public var failed: Bool
    /// One line: what was fetched, or why it failed.
    public var detail: String

    public init(feed: FeedRecord, next: FeedRecord, entries: [PreparedEntry], failed: Bool, detail: String) {
        self.feed = feed
        self.next = next
        self.entries = entries
        self.failed = failed
        self.detail = detail
    }
}
