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

    /// Where a row's items come from. Only `web` rows are fetched as feeds;
    /// the others hold the items another poller stores.
    public enum Source: String, Codable, Sendable {
        /// A feed or search template a user subscribed, or one vigil followed.
        case web
        /// The comments of one watched GitHub repository.
        case github
        /// The pages followed on one site.
        case page
    }

    public var id: Int64?
    public var url: String
    public var kind: Kind
    public var source: Source
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
    /// Why vigil added the feed, in words, when vigil rather than a person did.
    public var addedReason: String?
    /// The finding whose trail led vigil to subscribe the feed.
    public var followedFindingId: Int64?
    /// The GitHub account whose comment linked to the feed's site.
    public var followedAccount: String?

    public init(
        id: Int64? = nil, url: String, kind: Kind = .feed, title: String? = nil, siteUrl: String? = nil,
        tags: [String] = [], queryTerms: [String] = [], queryTermPattern: String? = nil, intervalSeconds: Int = 900, nextPollAt: Date = Date(),
        enabled: Bool = true, managedByConfig: Bool = false, createdAt: Date = Date()
    ) {
        self.id = id
        self.url = url
        self.kind = kind
        self.source = .web
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
        self.addedReason = nil
        self.followedFindingId = nil
        self.followedAccount = nil
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
