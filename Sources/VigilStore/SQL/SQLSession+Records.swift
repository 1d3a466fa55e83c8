import GRDB

extension SQLSession {
    /// Every row of `sql` as an `R`.
    public func fetch<R: StoredRecord>(_ type: R.Type, _ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [R] {
        if let sqlite = self as? SQLiteSession {
            return try R.fetchAll(sqlite.db, sql: sql, arguments: SQLiteSession.arguments(arguments))
        }
        return try rows(sql, arguments).map { try RecordColumns.decode(type, from: $0) }
    }

    /// The first row of `sql` as an `R`, if any.
    public func fetchOne<R: StoredRecord>(_ type: R.Type, _ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> R? {
        try fetch(type, sql, arguments).first
    }

    /// The row of `R`'s table with key `id`, if any.
    public func fetchOne<R: StoredRecord>(_ type: R.Type, id: Int64) throws -> R? {
        try fetchOne(type, "SELECT * FROM \(R.databaseTableName) WHERE id = ?", [id])
    }

    /// Inserts `record` and sets its `id`. With `ignoringConflicts`, a row
    /// that breaks a unique key is skipped and false returned.
    @discardableResult
    public func insert<R: StoredRecord>(_ record: inout R, ignoringConflicts: Bool = false) throws -> Bool {
        if let sqlite = self as? SQLiteSession {
            if ignoringConflicts {
                try record.insert(sqlite.db, onConflict: .ignore)
                return sqlite.db.changesCount > 0
            }
            try record.insert(sqlite.db)
            return true
        }
        let columns = try RecordColumns.encode(record).filter { $0.name != "id" || $0.value != .null }
        let names = columns.map(\.name).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let conflict = ignoringConflicts ? " ON CONFLICT DO NOTHING" : ""
        guard let id = try insertReturningID(
            "INSERT INTO \(R.databaseTableName) (\(names)) VALUES (\(marks))\(conflict)", columns.map(\.value))
        else { return false }
        record.id = id
        return true
    }

    /// Writes `record`'s `columns` (all of them when nil) to its row;
    /// false when there is no row with its ID.
    @discardableResult
    public func update<R: StoredRecord>(_ record: R, columns: [String]? = nil) throws -> Bool {
        guard let id = record.id else { return false }
        if let sqlite = self as? SQLiteSession {
            do {
                if let columns { try record.update(sqlite.db, columns: columns) } else { try record.update(sqlite.db) }
                return true
            } catch RecordError.recordNotFound {
                return false
            }
        }
        let wanted = columns.map(Set.init)
        let values = try RecordColumns.encode(record).filter { $0.name != "id" && (wanted?.contains($0.name) ?? true) }
        let assignments = values.map { "\($0.name) = ?" }.joined(separator: ", ")
        return try execute("UPDATE \(R.databaseTableName) SET \(assignments) WHERE id = ?", values.map(\.value) + [id.sqlValue]) > 0
    }
}
