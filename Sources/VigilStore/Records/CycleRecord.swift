import Foundation
import GRDB

/// One poll cycle's bookkeeping, for `vigil status`.
public struct CycleRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "cycles"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var startedAt: Date
    public var finishedAt: Date?
    public var feedsPolled: Int
    public var feedsFailed: Int
    public var itemsNew: Int
    public var findingsNew: Int

    public init(
        id: Int64? = nil, startedAt: Date = Date(), finishedAt: Date? = nil, feedsPolled: Int = 0,
        feedsFailed: Int = 0, itemsNew: Int = 0, findingsNew: Int = 0
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.feedsPolled = feedsPolled
        self.feedsFailed = feedsFailed
        self.itemsNew = itemsNew
        self.findingsNew = findingsNew
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
