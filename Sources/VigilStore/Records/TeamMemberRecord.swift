import GRDB

/// Membership of one person in one team.
public struct TeamMemberRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "team_members"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var teamId: Int64
    public var personId: Int64

    public init(teamId: Int64, personId: Int64) {
        self.teamId = teamId
        self.personId = personId
    }
}
