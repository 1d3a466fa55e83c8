import Foundation
import Logging
import NIOCore
import PostgresNIO

/// A `SQLSession` over one PostgreSQL connection inside a transaction. The
/// store's `?` placeholders become `$1`, `$2`…; booleans the server computes
/// (`EXISTS`) come back as 0/1 as SQLite's do. Each statement waits for its
/// answer on the calling thread: the store is synchronous, as it is over
/// SQLite, and the connection's event loop is never the caller.
struct PostgreSQLSession: SQLSession {
    let connection: PostgresConnection
    let location: PostgreSQLLocation
    let logger: Logger

    var kind: SQLDatabaseKind { .postgreSQL }

    func rows(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        let columns = SQLColumns(first.map(\.columnName))
        return try result.rows.map { row in
            SQLRow(columns: columns, values: try row.map(Self.value))
        }
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func insertReturningID(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int64? {
        let result = try run(sql + " RETURNING id", arguments)
        guard let row = result.rows.first, let cell = row.first(where: { _ in true }) else { return nil }
        guard case .integer(let id) = try Self.value(cell) else { return nil }
        return id
    }

    private func run(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument.sqlValue {
            case .null: binds.appendNull()
            case .integer(let number): binds.append(number)
            case .real(let number): binds.append(number)
            case .text(let text): binds.append(text)
            case .blob(let bytes): binds.append(ByteBuffer(bytes: bytes))
            }
        }
        let query = PostgresQuery(unsafeSQL: Self.numberingPlaceholders(sql), binds: binds)
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw StoreError(PostgreSQLStore.describe(error, location: location, doing: "run a statement in"), isBadInput: false)
        }
    }

    /// `sql` with each `?` outside a quoted string numbered `$1`, `$2`…
    static func numberingPlaceholders(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var quoted = false
        var number = 0
        for character in sql {
            if character == "'" { quoted.toggle() }
            if character == "?", !quoted {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8: return .integer(try cell.decode(Int64.self))
        case .int4: return .integer(Int64(try cell.decode(Int32.self)))
        case .int2: return .integer(Int64(try cell.decode(Int16.self)))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float8: return .real(try cell.decode(Double.self))
        case .float4: return .real(Double(try cell.decode(Float.self)))
        case .numeric: return .real(Double("\(try cell.decode(Decimal.self))") ?? .nan)
        case .bytea: return .blob(Array(buffer: cell.bytes ?? ByteBuffer()))
        default: return .text(try cell.decode(String.self))
        }
    }
}
