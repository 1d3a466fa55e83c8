import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// A vigil database on PostgreSQL, for several workers sharing one
/// database: a connection pool (postgres-nio's `PostgresClient`) running in
/// a task of its own from `open` to `close`, and the schema migrated on
/// open. The schema is vigil's SQLite schema translated by
/// `PostgreSQLDialect`, migration by migration; an advisory lock makes
/// workers that start together against an empty database wait for one
/// another rather than create it twice.
public final class PostgreSQLStore: Sendable {
    public let location: PostgreSQLLocation
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger

    /// The lock key of schema migrations (any constant shared by every vigil).
    static let migrationLock: Int64 = 0x7669_6769_6C00_0001

    private init(location: PostgreSQLLocation, client: PostgresClient, logger: Logger) {
        self.location = location
        self.client = client
        self.logger = logger
        runner = Task { await client.run() }
    }

    /// Connects, checks the server answers, and brings the schema up to date.
    /// The pool retries a failed connection for as long as a query waits, so
    /// `open` first makes one connection itself: an address where nothing
    /// answers, a wrong password or a missing database is one clear error
    /// at once. `logger` receives the pool's own messages (none by default).
    public static func open(
        _ location: PostgreSQLLocation, maximumConnections: Int = 8,
        logger: Logger = Logger(label: "vigil.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> PostgreSQLStore {
        try await probe(location, logger: logger)
        var configuration: PostgresClient.Configuration
        if location.usesUnixSocket {
            configuration = .init(
                unixSocketPath: "\(location.host)/.s.PGSQL.\(location.port)", username: location.user,
                password: location.password, database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: tls(location.tls))
        }
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.connectTimeout = .seconds(10)
        let store = PostgreSQLStore(location: location, client: PostgresClient(configuration: configuration, backgroundLogger: logger), logger: logger)
        do {
            try await store.migrate()
        } catch {
            await store.close()
            throw store.failure(error, doing: "open")
        }
        return store
    }

    /// One connection, opened and closed, or the reason there is none.
    private static func probe(_ location: PostgreSQLLocation, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try location.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StoreError(Self.describe(error, location: location, doing: "connect to"), isBadInput: false)
        }
    }

    /// Stops the pool; queries after this fail.
    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    private static func tls(_ mode: PostgreSQLLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable:
            return .disable
        case .prefer, .require:
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            return mode == .prefer ? .prefer(unverified) : .require(unverified)
        case .verifyFull:
            return .require(.makeClientConfiguration())
        }
    }

    /// The schema version the `meta` table records.
    public func schemaVersion() async throws -> Int {
        do {
            let rows = try await client.query("SELECT value FROM meta WHERE key = 'schema_version'")
            for try await value in rows.decode(String.self) { return Int(value) ?? 0 }
            return 0
        } catch {
            throw failure(error, doing: "read the schema version")
        }
    }

    /// The migrations applied, in order.
    public func appliedMigrations() async throws -> [String] {
        do {
            var names: [String] = []
            for try await name in try await client.query("SELECT name FROM vigil_migrations ORDER BY applied_order").decode(String.self) {
                names.append(name)
            }
            return names
        } catch {
            throw failure(error, doing: "read the applied migrations")
        }
    }

    /// Applies the migrations not yet applied, each in its own transaction,
    /// under the migration lock.
    func migrate() async throws {
        let migrations = try Migrations.all()
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.migrationLock))", logger: logger)
            do {
                try await connection.query(PostgresQuery(unsafeSQL: PostgreSQLDialect.collationStatement), logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS vigil_migrations (
                        name TEXT PRIMARY KEY, applied_order BIGINT NOT NULL, applied_at TEXT NOT NULL)
                    """, logger: logger)
                var applied = Set<String>()
                for try await name in try await connection.query("SELECT name FROM vigil_migrations", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                for (order, migration) in migrations.enumerated() where !applied.contains(migration.name) {
                    let statements = PostgreSQLDialect.statements(migration.sql)
                    let stamp = StoreTime.text(Date())
                    let name = migration.name
                    let position = Int64(order + 1)
                    try await connection.withTransaction(logger: logger) { transaction in
                        for statement in statements {
                            try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await transaction.query(
                            "INSERT INTO vigil_migrations (name, applied_order, applied_at) VALUES (\(name), \(position), \(stamp))",
                            logger: logger)
                    }
                    logger.info("migrated the PostgreSQL schema", metadata: ["migration": "\(migration.name)"])
                }
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(\(Self.migrationLock))", logger: logger)
        }
    }

    /// A store error of one line from a PostgreSQL or connection error.
    func failure(_ error: any Error, doing action: String) -> StoreError {
        if let error = error as? StoreError { return error }
        return StoreError(Self.describe(error, location: location, doing: action), isBadInput: false)
    }

    /// One line for a PostgreSQL or connection error: the server's message
    /// when it sent one, else the cause in a few words.
    static func describe(_ error: any Error, location: PostgreSQLLocation, doing action: String) -> String {
        if let error = error as? PostgresTransactionError, let cause = error.closureError ?? error.beginError ?? error.commitError {
            return describe(cause, location: location, doing: action)
        }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return "PostgreSQL at \(location) refused to \(action) it: \(message)\(state)"
            }
            let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
            let lower = cause.lowercased()
            let words = lower.contains("connection refused") ? "connection refused"
                : lower.contains("timed out") || lower.contains("timeout") ? "no answer within 10 s"
                : lower.contains("no such file") ? "no server socket there"
                : cause.split(separator: "\n").first.map(String.init) ?? cause
            return "cannot \(action) PostgreSQL at \(location): \(words)"
        }
        return "cannot \(action) PostgreSQL at \(location): \(error)"
    }
}
