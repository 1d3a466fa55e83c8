import Foundation
import GRDB

extension Store {
    /// A consistency check: "ok", or the first problems found. On SQLite it
    /// is `quick_check`. PostgreSQL checks its own pages as it reads them,
    /// so what is left to check there is what a crash or an interrupted
    /// index build can leave behind: an index of vigil's schema that is not
    /// valid, which the planner skips and a unique key no longer enforces.
    public func quickCheck() throws -> String {
        if databaseKind == .postgreSQL {
            let invalid = try reading { session in
                try session.values(String.self, """
                    SELECT c.relname::text FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
                    WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND NOT (x.indisvalid AND x.indisready)
                    ORDER BY c.relname
                    """)
            }
            return invalid.isEmpty ? "ok" : "invalid indexes (rebuild them with REINDEX): " + invalid.joined(separator: ", ")
        }
        do {
            return try sqliteOnly("the integrity check").read { db in
                try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // Damage bad enough to stop the check is its finding too.
            return error.message ?? "database disk image is malformed"
        } catch {
            throw StoreError.wrap(error, context: "database read failed")
        }
    }

    /// The journal mode the database runs in ("wal" for vigil's own).
    /// PostgreSQL always writes ahead to its log and its readers never
    /// block a writer, which is what "wal" promises on SQLite.
    public func journalMode() throws -> String {
        if databaseKind == .postgreSQL { return "wal" }
        return try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown" }
    }
}
