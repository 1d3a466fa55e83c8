import Foundation
import GRDB

extension Store {
    /// Copies the database into the file at `path` with SQLite's online
    /// backup API, in one step inside one read transaction: the copy is the
    /// database as of one moment, and a daemon writing meanwhile is not held
    /// up (WAL readers do not block the writer). The file at `path` must be
    /// new or empty; its permissions are kept, so a caller that creates it
    /// with mode 0600 gets a private copy. The copy is checkpointed into that
    /// one file (no `-wal` beside it) and then checked with `quick_check`.
    /// PostgreSQL is backed up with its own tools, which copy a live
    /// database consistently: this refuses it, saying so.
    public func backup(to path: String) throws {
        if databaseKind == .postgreSQL { throw Self.postgreSQLBackupRefusal }
        do {
            var configuration = Configuration()
            configuration.label = "vigil-backup"
            let destination = try DatabaseQueue(path: path, configuration: configuration)
            try sqliteOnly("backup").backup(to: destination)
            let check = try destination.writeWithoutTransaction { db -> String in
                try db.checkpoint(.truncate)
                return try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
            }
            try destination.close()
            guard check == "ok" else {
                throw StoreError("backup to \(path) failed its quick check: \(check.prefix(200))", isBadInput: false)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, context: "backup to \(path) failed")
        }
    }

    /// Why `backup` does not copy a PostgreSQL database, and what does.
    public static let postgreSQLBackupRefusal = StoreError(
        "vigil backup copies a SQLite database; back up a PostgreSQL database with pg_dump (for example "
            + "`pg_dump --format=custom --file=vigil.dump DATABASE`) and restore it with pg_restore",
        isBadInput: true)
}
