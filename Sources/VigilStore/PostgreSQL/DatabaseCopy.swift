import Crypto
import Foundation
import GRDB
import PostgresNIO

/// Copies a SQLite database into an empty PostgreSQL one (`vigil migrate`),
/// table by table in one PostgreSQL transaction, with every row's ID kept.
/// Each table is then read back and a checksum of its rows compared with
/// the source's: what was copied is what was there, or nothing is kept.
public enum DatabaseCopy {
    /// One table's figures.
    public struct TableReport: Sendable, Equatable {
        public var table: String
        public var rows: Int
        /// SHA-256 of the source's rows, in key order (first 16 hex digits).
        public var checksum: String
        /// Whether the copy read back the same rows.
        public var matches: Bool
    }

    /// Tables in an order that puts each row after the rows it refers to.
    /// The two columns that may point forward (a feed's finding, a finding's
    /// related finding) are written once every row is in.
    static let tables: [(name: String, key: [String], deferred: [String])] = [
        ("meta", ["key"], []),
        ("people", ["id"], []),
        ("teams", ["id"], []),
        ("team_members", ["team_id", "person_id"], []),
        ("feeds", ["id"], ["followed_finding_id"]),
        ("items", ["id"], []),
        ("findings", ["id"], ["related_finding_id"]),
        ("digests", ["id"], []),
        ("alert_outbox", ["id"], []),
        ("cycles", ["id"], []),
        ("poller_lease", ["id"], []),
        ("github_repositories", ["id"], []),
        ("github_pull_requests", ["id"], []),
        ("followed_links", ["id"], []),
        ("users", ["id"], []),
        ("user_teams", ["user_id", "team"], []),
        ("audit_log", ["id"], []),
        ("workers", ["id"], []),  // a text ID: no identity to continue
    ]

    /// Copies `source` into `target`, which must hold no vigil data yet.
    public static func copy(from source: Store, to target: PostgreSQLStore) async throws -> [TableReport] {
        let sourceMigrations = try source.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        let targetMigrations = try await target.appliedMigrations()
        guard Set(sourceMigrations).isSubset(of: Set(targetMigrations)) else {
            throw StoreError.badInput("the SQLite database has migrations this vigil does not know; copy it with the vigil that wrote it")
        }
        for table in tables where table.name != "meta" {
            let count = try await target.count(table.name)
            guard count == 0 else {
                throw StoreError.badInput("\(target.location) already holds data (\(count) rows in \(table.name)); copy into an empty database")
            }
        }

        var reports: [TableReport] = []
        do {
            try await target.client.withTransaction(logger: target.logger) { connection in
                var checksums: [String] = []
                for table in tables {
                    let columns = try source.read { db in try db.columns(in: table.name).map(\.name) }
                    let rows = try source.read { db in
                        try Row.fetchAll(db, sql: "SELECT \(quoted(columns)) FROM \(table.name) ORDER BY \(quoted(table.key))")
                    }
                    var digest = SHA256()
                    for row in rows { digest.update(data: Data(canonical(columns.map { value(row[$0] as DatabaseValue) }).utf8)) }
                    try await insert(rows, columns: columns, deferred: Set(table.deferred), into: table.name, on: connection, logger: target.logger)
                    let checksum = hex(digest.finalize())
                    checksums.append(checksum)
                    reports.append(TableReport(table: table.name, rows: rows.count, checksum: String(checksum.prefix(16)), matches: false))
                }
                // The forward references, now that every row is in.
                for table in tables where !table.deferred.isEmpty {
                    for column in table.deferred {
                        let pairs = try source.read { db in
                            try Row.fetchAll(db, sql: "SELECT id, \(column) FROM \(table.name) WHERE \(column) IS NOT NULL")
                                .map { ($0[0] as Int64, $0[1] as Int64) }
                        }
                        for (id, reference) in pairs {
                            try await connection.query(
                                PostgresQuery(unsafeSQL: "UPDATE \(table.name) SET \(column) = $1 WHERE id = $2", binds: try binds([reference, id])),
                                logger: target.logger)
                        }
                    }
                }
                // Identity columns continue after the copied IDs.
                for table in tables where table.key == ["id"] && table.name != "workers" {
                    try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), COALESCE((SELECT MAX(id) FROM \(table.name)), 0) + 1, false)
                        """), logger: target.logger)
                }
                // Every table read back, forward references included.
                for (index, table) in tables.enumerated() {
                    let columns = try source.read { db in try db.columns(in: table.name).map(\.name) }
                    let readBack = try await checksum(of: table.name, columns: columns, key: quoted(table.key), on: connection, logger: target.logger)
                    reports[index].matches = readBack == checksums[index]
                }
                guard reports.allSatisfy(\.matches) else {
                    let tables = reports.filter { !$0.matches }.map(\.table).joined(separator: ", ")
                    throw StoreError("the copy of \(tables) read back different rows; nothing was kept", isBadInput: false)
                }
            }
        } catch {
            throw target.failure(error, doing: "copy into")
        }
        return reports
    }

    private static func quoted(_ columns: [String]) -> String {
        columns.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private static func insert(
        _ rows: [Row], columns: [String], deferred: Set<String>, into table: String, on connection: PostgresConnection, logger: Logger
    ) async throws {
        guard !rows.isEmpty else { return }
        let names = quoted(columns)
        let conflict = table == "meta" ? " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" : ""
        let perStatement = max(1, 30_000 / max(1, columns.count))
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + perStatement)]
            var values: [Any?] = []
            var tuples: [String] = []
            for row in batch {
                var placeholders: [String] = []
                for column in columns {
                    values.append(deferred.contains(column) ? nil : value(row[column] as DatabaseValue))
                    placeholders.append("$\(values.count)")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(table) (\(names)) OVERRIDING SYSTEM VALUE VALUES \(tuples.joined(separator: ", "))\(conflict)"
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: try binds(values)), logger: logger)
            start += perStatement
        }
    }

    /// The checksum of a PostgreSQL table's rows, read in key order.
    private static func checksum(of table: String, columns: [String], key: String, on connection: PostgresConnection, logger: Logger) async throws -> String {
        var digest = SHA256()
        let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(quoted(columns)) FROM \(table) ORDER BY \(key)"), logger: logger)
        for try await row in rows {
            var values: [Any?] = []
            for cell in row {
                switch cell.dataType {
                case .int8, .int4, .int2: values.append(try cell.decode(Int64?.self))
                case .float8, .float4: values.append(try cell.decode(Double?.self))
                default: values.append(try cell.decode(String?.self))
                }
            }
            digest.update(data: Data(canonical(values).utf8))
        }
        return hex(digest.finalize())
    }

    /// A SQLite value as the copy carries it: an integer, a double, text or nil.
    private static func value(_ value: DatabaseValue) -> Any? {
        switch value.storage {
        case .null: nil
        case .int64(let number): number
        case .double(let number): number
        case .string(let text): text
        case .blob(let data): data.base64EncodedString()
        }
    }

    /// One row, the same way on both sides, typed so that 1 and "1" differ.
    private static func canonical(_ values: [Any?]) -> String {
        values.map { value -> String in
            switch value {
            case let number as Int64: "i\(number)"
            case let number as Double: "d\(number)"
            case let text as String: "s\(text.utf8.count):\(text)"
            default: "n"
            }
        }.joined(separator: "\u{1F}") + "\u{1E}"
    }

    private static func binds(_ values: [Any?]) throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case let number as Int64: bindings.append(number)
            case let number as Double: bindings.append(number)
            case let text as String: bindings.append(text)
            default: bindings.appendNull()
            }
        }
        return bindings
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}

extension PostgreSQLStore {
    /// The number of rows in `table` (one of vigil's).
    func count(_ table: String) async throws -> Int {
        do {
            for try await count in try await client.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table)")).decode(Int64.self) {
                return Int(count)
            }
            return 0
        } catch {
            throw failure(error, doing: "count the rows of \(table) in")
        }
    }
}
