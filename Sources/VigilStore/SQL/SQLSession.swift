/// Which database a session talks to, for the few statements whose SQL
/// differs between them.
public enum SQLDatabaseKind: Sendable {
    case sqlite
    case postgreSQL
}

/// One transaction with either database, synchronous as GRDB's are: the
/// store's queries are written once against this, with `?` placeholders,
/// in the SQL both databases share (`ON CONFLICT … DO NOTHING`, `COALESCE`,
/// `EXISTS`), and branch on `kind` only where they cannot.
public protocol SQLSession {
    var kind: SQLDatabaseKind { get }

    /// Every row `sql` returns.
    func rows(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow]

    /// Runs `sql` and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int

    /// Runs an `INSERT` of one row into a table whose key is `id`, and
    /// returns the row's ID, or nil when a conflict clause skipped it.
    func insertReturningID(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int64?
}

extension SQLSession {
    /// The first row `sql` returns, if any.
    public func row(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> SQLRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    public func value<T: SQLValueConvertible>(
        _ type: T.Type, _ sql: String, _ arguments: [any SQLValueConvertible] = []
    ) throws -> T? {
        guard let row = try row(sql, arguments), let first = row.values.first else { return nil }
        if case .null = first { return nil }
        return try row.get(0, as: type)
    }

    /// The first column of every row.
    public func values<T: SQLValueConvertible>(
        _ type: T.Type, _ sql: String, _ arguments: [any SQLValueConvertible] = []
    ) throws -> [T] {
        try rows(sql, arguments).map { try $0.get(0, as: type) }
    }

    /// `body` inside a savepoint: what it wrote is undone when it throws,
    /// and the enclosing transaction goes on.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT vigil_step", [])
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT vigil_step", [])
            return result
        } catch {
            try execute("ROLLBACK TO SAVEPOINT vigil_step", [])
            try execute("RELEASE SAVEPOINT vigil_step", [])
            throw error
        }
    }
}
