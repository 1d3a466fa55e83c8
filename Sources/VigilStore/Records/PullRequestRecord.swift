import Foundation
import GRDB

/// A closed pull request of a watched repository, with the login that
/// closed it once the issue events name it.
public struct PullRequestRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "github_pull_requests"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    public var repositoryId: Int64
    public var number: Int
    public var htmlUrl: String
    public var title: String
    public var authorLogin: String?
    public var authorType: String?
    public var closedAt: Date?
    public var mergedAt: Date?
    public var closedBy: String?

    public init(
        id: Int64? = nil, repositoryId: Int64, number: Int, htmlUrl: String, title: String, authorLogin: String?,
        authorType: String? = nil, closedAt: Date?, mergedAt: Date?, closedBy: String? = nil
    ) {
        self.id = id
        self.repositoryId = repositoryId
        self.number = number
        self.htmlUrl = htmlUrl
        self.title = title
        self.authorLogin = authorLogin
        self.authorType = authorType
        self.closedAt = closedAt
        self.mergedAt = mergedAt
        self.closedBy = closedBy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
