import Foundation
import GRDB

/// A link vigil follows once: queued from an item or comment, then fetched
/// (or failed) and never fetched again.
public struct FollowedLinkRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "followed_links"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum State: String, Codable, Sendable {
        case pending
        case fetched
        case failed
    }

    public var id: Int64?
    public var url: String
    /// The host, lowercased: the per-host bound and "which accounts linked to this site".
    public var host: String
    /// The item or comment the link was found in.
    public var fromUrl: String?
    /// The GitHub login whose comment held the link.
    public var linkedBy: String?
    public var state: State
    /// One line: what the fetch found, or why it failed.
    public var detail: String?
    public var queuedAt: Date
    public var fetchedAt: Date?

    public init(url: String, host: String, fromUrl: String?, linkedBy: String?, queuedAt: Date) {
        self.url = url
        self.host = host
        self.fromUrl = fromUrl
        self.linkedBy = linkedBy
        self.state = .pending
        self.queuedAt = queuedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
