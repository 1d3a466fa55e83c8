import Foundation
import GRDB

/// A named group of watched people, used to route alerts and digests.
public struct TeamRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "teams"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var name: String
    public var managedByConfig: Bool
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, managedByConfig: Bool = false, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.managedByConfig = managedByConfig
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
