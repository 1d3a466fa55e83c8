import Foundation
import GRDB

/// The single poller's lease, kept in the database so that every way of
/// naming the file (a symlink, a relative path, a bind mount) meets the same
/// lease. Whether a holder's row may be replaced (expired, its process gone)
/// is the caller's policy; the store only makes each step atomic.
extension Store {
    /// Takes the lease unless another holder has it and `mayReplace` says its
    /// row must stand. Runs in an IMMEDIATE transaction, so two pollers
    /// claiming at once are serialised by SQLite's write lock and exactly one
    /// of them wins.
    ///
    /// On PostgreSQL, where several workers poll one database, there is no
    /// single lease: the claim records this store's worker (`workers`), and
    /// always succeeds.
    public func claimPollerLease(
        _ claim: PollerLeaseRecord, mayReplace: (PollerLeaseRecord) -> Bool
    ) throws -> PollerLeaseClaim {
        if databaseKind == .postgreSQL {
            try recordWorker(WorkerRecord(
                id: workerID, host: claim.host, pid: Int(claim.pid), command: claim.command, startedAt: claim.startedAt,
                heartbeatAt: claim.heartbeatAt))
            return .taken(claim)
        }
        return try writeImmediately { db in
            if let current = try PollerLeaseRecord.fetchOne(db, key: 1), current.token != claim.token, !mayReplace(current) {
                return .held(current)
            }
            try claim.save(db)
            return .taken(claim)
        }
    }

    /// Moves the lease's heartbeat and expiry forward, if `token` still holds
    /// it. Returns false when another poller has taken it over (or it was
    /// released): the caller must stop polling.
    public func renewPollerLease(token: String, heartbeatAt: Date, expiresAt: Date) throws -> Bool {
        if databaseKind == .postgreSQL {
            return try writing { session in
                try session.execute("UPDATE workers SET heartbeat_at = ? WHERE id = ?", [heartbeatAt, workerID]) > 0
            }
        }
        return try writeImmediately { db in
            try PollerLeaseRecord
                .filter(Column("id") == 1 && Column("token") == token)
                .updateAll(db, Column("heartbeat_at").set(to: heartbeatAt), Column("expires_at").set(to: expiresAt)) == 1
        }
    }

    /// Gives the lease up, if `token` still holds it.
    public func releasePollerLease(token: String) throws {
        if databaseKind == .postgreSQL {
            try releaseLeases()
            return
        }
        try write { db in
            _ = try PollerLeaseRecord.filter(Column("id") == 1 && Column("token") == token).deleteAll(db)
        }
    }

    /// Who holds the lease now, if anyone (expired or not).
    public func pollerLease() throws -> PollerLeaseRecord? {
        if databaseKind == .postgreSQL { return nil }
        return try read { db in try PollerLeaseRecord.fetchOne(db, key: 1) }
    }

    /// A write in an IMMEDIATE transaction: the write lock is taken before the
    /// first read, so what is read cannot change before it is written.
    func writeImmediately<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try sqliteOnly("the poller lease").writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError("the transaction ended without a result", isBadInput: false) }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, context: "database write failed")
        }
    }
}
