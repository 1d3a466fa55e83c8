import Foundation
import GRDB

/// A feed (or a query-feed template holding `{query}`) with its caching
/// validators, schedule and health after the last poll.
public struct FeedRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "feeds"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Whether the URL is fetched as is or expanded per watched name.
    public enum Kind: String, Codable, Sendable {
        case feed
        case query
    }

    public var id: Int64?
    public var url: String
    public var kind: Kind
    public var title: String?
    public var siteUrl: String?
    public var description: String?
    public var tags: [String]
    public var queryTerms: [String]
    public var queryTermPattern: String?
    public var etag: String?
    public var lastModified: String?
    public var intervalSeconds: Int
    public var nextPollAt: Date
    public var consecutiveFailures: Int
    public var lastPolledAt: Date?
    public var lastSuccessAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var lastBytes: Int?
    public var lastDurationMs: Int?
    public var redirectCandidate: String?
    public var redirectSeenCount: Int
    public var enabled: Bool
    public var disabledReason: String?
    public var managedByConfig: Bool
    public var createdAt: Date

    public init(
        id: Int64? = nil, url: String, kind: Kind = .feed, title: String? = nil, siteUrl: String? = nil,
        tags: [String] = [], queryTerms: [String] = [], queryTermPattern: String? = nil, intervalSeconds: Int = 900, nextPollAt: Date = Date(),
        enabled: Bool = true, managedByConfig: Bool = false, createdAt: Date = Date()
    ) {
        self.id = id
        self.url = url
        self.kind = kind
        self.title = title
        self.siteUrl = siteUrl
        self.description = nil
        self.tags = tags
        self.queryTerms = queryTerms
        self.queryTermPattern = queryTermPattern
        self.etag = nil
        self.lastModified = nil
        self.intervalSeconds = intervalSeconds
        self.nextPollAt = nextPollAt
        self.consecutiveFailures = 0
        self.lastPolledAt = nil
        self.lastSuccessAt = nil
        self.lastStatus = nil
        self.lastError = nil
        self.lastBytes = nil
        self.lastDurationMs = nil
        self.redirectCandidate = nil
        self.redirectSeenCount = 0
        self.enabled = enabled
        self.disabledReason = nil
        self.managedByConfig = managedByConfig
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
