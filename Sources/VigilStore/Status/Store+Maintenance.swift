import Foundation
import GRDB

extension Store {
    /// SQLite's quick consistency check: "ok", or the first problems found.
    public func quickCheck() throws -> String {
        try read { db in
            try String.fetchAll(db, sql: "PRAGMA quick_check").joined(separator: "; ")
        }
    }

    /// The journal mode the database runs in ("wal" for vigil's own).
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown" }
    }
}
