import Foundation
import GRDB
import Logging

/// The vigil database: by default one SQLite file in WAL mode, opened
/// through GRDB with foreign keys on and a busy timeout, migrated from the
/// bundled schema; or a PostgreSQL database that several workers share,
/// migrated from the same schema translated (`PostgreSQLDialect`).
///
/// The store's queries are written once against `SQLSession` and run on
/// either. Only what concerns the SQLite file itself (its backup, its
/// integrity check, the single poller's lease) reaches GRDB directly
/// (`sqliteOnly`), and has its own answer on PostgreSQL.
///
/// A `Store` owns its connections; they close when the store is released,
/// so a command that opens a store for one job leaves nothing behind.
public final class Store: Sendable {
    /// The path the store was opened at, or for PostgreSQL its address
    /// without the password.
    public let path: String
    let backend: Backend
    /// This process's name among the workers sharing a PostgreSQL database:
    /// the rows it leases carry it (`lease_owner`).
    public let workerID: String
    /// How long a lease lasts: a worker that dies holding one loses it then.
    public let leaseDuration: TimeInterval

    enum Backend: Sendable {
        case sqlite(any DatabaseWriter)
        case postgreSQL(PostgreSQLSessionPool)
    }

    private init(path: String, backend: Backend, leaseDuration: TimeInterval = 300) {
        self.path = path
        self.backend = backend
        self.leaseDuration = leaseDuration
        workerID = "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(UUID().uuidString.prefix(8).lowercased())"
    }

    private convenience init(path: String, writer: any DatabaseWriter) {
        self.init(path: path, backend: .sqlite(writer))
    }

    /// Which database the store is on.
    public var databaseKind: SQLDatabaseKind {
        switch backend {
        case .sqlite: .sqlite
        case .postgreSQL: .postgreSQL
        }
    }

    /// Connects to the PostgreSQL database at `location`, creating or
    /// updating its schema first (as `open(at:)` does for a file), and keeps
    /// up to `maximumConnections` connections for the store's sessions.
    /// The work this store leases (feeds, repositories, alerts) stays its
    /// own for `leaseDuration` seconds unless it finishes sooner.
    public static func open(
        postgreSQL location: PostgreSQLLocation, maximumConnections: Int = 8, leaseDuration: TimeInterval = 300
    ) async throws -> Store {
        let migrated = try await PostgreSQLStore.open(location, maximumConnections: 1)
        await migrated.close()
        let pool = PostgreSQLSessionPool(
            location: location, configuration: try location.connectionConfiguration(), maximum: maximumConnections,
            logger: Logger(label: "vigil.postgresql", factory: { _ in SwiftLogNoOpLogHandler() }))
        return Store(path: location.description, backend: .postgreSQL(pool), leaseDuration: leaseDuration)
    }

    /// The SQLite database, for what concerns the file itself; on
    /// PostgreSQL an error naming what has no meaning there.
    func sqliteOnly(_ what: String) throws -> any DatabaseWriter {
        switch backend {
        case .sqlite(let writer): return writer
        case .postgreSQL:
            throw StoreError("\(what) is for a SQLite database, not PostgreSQL (docs/postgresql.md)", isBadInput: true)
        }
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
        try reading { session in
            try Int(session.value(String.self, "SELECT value FROM meta WHERE key = 'schema_version'") ?? "0") ?? 0
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try sqliteOnly("this command").read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, context: "database read failed")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try sqliteOnly("this command").write(body)
        } catch let error as StoreError {
            throw error
        } catch let stale as StalePollPlan {
            throw stale
        } catch {
            throw StoreError.wrap(error, context: "database write failed")
        }
    }

    /// Runs `body` in a read transaction on either database.
    func reading<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try session(writing: false, body)
    }

    /// Runs `body` in a write transaction on either database: everything it
    /// wrote is there after it returns, nothing when it throws.
    @discardableResult
    func writing<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try session(writing: true, body)
    }

    private func session<T>(writing: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        do {
            switch backend {
            case .sqlite(let writer):
                return writing
                    ? try writer.write { db in try body(SQLiteSession(db: db)) }
                    : try writer.read { db in try body(SQLiteSession(db: db)) }
            case .postgreSQL(let pool):
                return try pool.transaction { session in try body(session) }
            }
        } catch let error as StoreError {
            throw error
        } catch let stale as StalePollPlan {
            throw stale
        } catch {
            throw StoreError.wrap(error, context: writing ? "database write failed" : "database read failed")
        }
    }
}
