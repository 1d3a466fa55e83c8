import Foundation
import GRDB

/// The row of `poller_lease`: which process polls this database. See
/// `Store.claimPollerLease`.
public struct PollerLeaseRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "poller_lease"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Always 1: the table holds one lease at most.
    public var id: Int64 = 1
    /// Random per claim, so a holder knows the row is still its own.
    public var token: String
    public var pid: Int32
    public var host: String
    /// What holds it (`vigil run`, `vigil poll`), for the refusal message.
    public var command: String
    public var startedAt: Date
    public var heartbeatAt: Date
    public var expiresAt: Date

    public init(token: String, pid: Int32, host: String, command: String, startedAt: Date, heartbeatAt: Date, expiresAt: Date) {
        self.token = token
        self.pid = pid
        self.host = host
        self.command = command
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.expiresAt = expiresAt
    }
}
