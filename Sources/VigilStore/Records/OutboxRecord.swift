import Foundation
import GRDB

/// An alert waiting for (or past) delivery on one channel. It is written in
/// the transaction that creates its finding, so a crash cannot lose it.
public struct OutboxRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "alert_outbox"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var findingId: Int64?
    public var digestId: Int64?
    public var channel: String
    public var payload: String
    public var idempotencyKey: String
    public var attempts: Int
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var failedAt: Date?
    public var lastError: String?
    public var createdAt: Date

    public init(
        id: Int64? = nil, findingId: Int64? = nil, digestId: Int64? = nil, channel: String, payload: String,
        idempotencyKey: String, nextAttemptAt: Date = Date(), createdAt: Date = Date()
    ) {
        self.id = id
        self.findingId = findingId
        self.digestId = digestId
        self.channel = channel
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.attempts = 0
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = nil
        self.failedAt = nil
        self.lastError = nil
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
