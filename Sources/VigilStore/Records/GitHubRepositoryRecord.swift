import Foundation
import GRDB

/// A watched GitHub repository and the state of its polls.
public struct GitHubRepositoryRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "github_repositories"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    /// `owner/name`.
    public var repo: String
    public var apiUrl: String
    public var tokenEnv: String?
    public var tokenFile: String?
    public var managedByConfig: Bool
    public var createdAt: Date
    /// The `updated_at` of the newest comment read: the next poll's `since`.
    public var commentsSince: Date?
    public var commentsEtag: String?
    public var eventsEtag: String?
    public var pullsEtag: String?
    public var nextPollAt: Date?
    public var lastPolledAt: Date?
    public var lastError: String?
    /// Watched because a person lists it in `projects`, not by the config or the CLI.
    public var fromProject: Bool

    public init(
        id: Int64? = nil, repo: String, apiUrl: String, tokenEnv: String? = nil, tokenFile: String? = nil,
        managedByConfig: Bool = false, fromProject: Bool = false, createdAt: Date = Date()
    ) {
        self.fromProject = fromProject
        self.id = id
        self.repo = repo
        self.apiUrl = apiUrl
        self.tokenEnv = tokenEnv
        self.tokenFile = tokenFile
        self.managedByConfig = managedByConfig
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
