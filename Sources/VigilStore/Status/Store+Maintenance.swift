import Foundation
import GRDB

extension Store {
    /// SQLite's quick consistency check: "ok", or the first problems found.
    public func quickCheck() throws -> String {
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
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown" }
    }
}
