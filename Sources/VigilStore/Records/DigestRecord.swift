import Foundation
import GRDB

/// A digest produced for one period and scope; unique per period, scope and
/// format so that a restarted daemon does not send the same week twice.
public struct DigestRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "digests"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var periodStart: Date
    public var periodEnd: Date
    public var scope: String
    public var format: String
    public var body: String
    public var createdAt: Date

    public init(
        id: Int64? = nil, periodStart: Date, periodEnd: Date, scope: String = "all", format: String,
        body: String, createdAt: Date = Date()
    ) {
        self.id = id
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.scope = scope
        self.format = format
        self.body = body
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
