import Foundation
import GRDB

/// A watched person as stored: the name and every way the person may be
/// referred to. Lists are JSON arrays in their columns.
public struct PersonRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "people"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var name: String
    public var aliases: [String]
    public var handles: [String]
    public var projects: [String]
    public var contextTerms: [String]
    public var surnameNeedsContext: Bool
    public var managedByConfig: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, name: String, aliases: [String] = [], handles: [String] = [],
        projects: [String] = [], contextTerms: [String] = [], surnameNeedsContext: Bool = true,
        managedByConfig: Bool = false, createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.handles = handles
        self.projects = projects
        self.contextTerms = contextTerms
        self.surnameNeedsContext = surnameNeedsContext
        self.managedByConfig = managedByConfig
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
