import Foundation
import GRDB

/// An entry seen in a feed. `text` is kept only for items that mention a
/// watched person; the rest are dedupe records pruned after the retention.
/// `agent` is kept for every scored item: the source prior's history.
public struct ItemRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "items"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var feedId: Int64
    public var dedupeKey: String
    public var url: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    public var text: String?
    public var contentHash: String
    public var firstSeenAt: Date
    public var lastSeenAt: Date
    /// The text-only agent probability of the item as last scored, before any
    /// source prior (a prior built from priors would feed on itself); nil for
    /// items not scored (repeated content, rows from before migration 3).
    public var agent: Double?

    public init(
        id: Int64? = nil, feedId: Int64, dedupeKey: String, url: String? = nil, title: String? = nil,
        author: String? = nil, publishedAt: Date? = nil, text: String? = nil, contentHash: String,
        firstSeenAt: Date = Date(), lastSeenAt: Date = Date(), agent: Double? = nil
    ) {
        self.id = id
        self.feedId = feedId
        self.dedupeKey = dedupeKey
        self.url = url
        self.title = title
        self.author = author
        self.publishedAt = publishedAt
        self.text = text
        self.contentHash = contentHash
        self.firstSeenAt = firstSeenAt
        self.lastSeenAt = lastSeenAt
        self.agent = agent
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
