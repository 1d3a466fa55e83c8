import Foundation
import GRDB

/// The vigil database: one SQLite file in WAL mode, opened through GRDB with
/// foreign keys on and a busy timeout, migrated from the bundled schema.
///
/// A `Store` owns its connection pool; the pool closes when the store is
/// released, so a command that opens a store for one job leaves nothing behind.
public final class Store: Sendable {
    /// The path the store was opened at.
    public let path: String
    let writer: any DatabaseWriter

    private init(path: String, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// Opens (creating if needed, with mode 0600) the database at `path` and migrates it.
    public static func open(at path: String) throws -> Store {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw StoreError("database folder does not exist: \(directory)", isBadInput: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.foreignKeysEnabled = true
        configuration.label = "vigil"
        // SQLite would create the file 0644 less the umask; its -wal and -shm
        // files copy the database's mode, so a private database keeps them private.
        try PrivateFile.createIfAbsent(at: path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator().migrate(pool)
            return Store(path: path, writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, context: "cannot open database \(path)")
        }
    }

    /// Opens an existing database for reading only, or returns nil when there
    /// is no file: commands such as `vigil scan` work with or without one.
    public static func openReadOnlyIfPresent(at path: String) throws -> Store? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let pending = try queue.read { try Migrations.migrator().hasCompletedMigrations($0) }
            guard pending else {
                throw StoreError("database \(path) is from an older vigil; open it once with a writing command to migrate it", isBadInput: true)
            }
            return Store(path: path, writer: queue)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, context: "cannot open database \(path)")
        }
    }

    /// The schema version the database reports.
    public func schemaVersion() throws -> Int {
        try read { db in
            try Int(String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") ?? "0") ?? 0
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, context: "database read failed")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch let stale as StalePollPlan {
            throw stale
        } catch {
            throw StoreError.wrap(error, context: "database write failed")
        }
    }
}
