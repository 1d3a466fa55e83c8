extension SQLSession {
    /// Deletes the row of `R`'s table with key `id`; false when there was none.
    @discardableResult
    public func delete<R: StoredRecord>(_ type: R.Type, id: Int64) throws -> Bool {
        try execute("DELETE FROM \(R.databaseTableName) WHERE id = ?", [id]) > 0
    }
}

/// SQL for a list of values: `column IN (?, ?, …)` with its arguments, or
/// a condition that is false (true for `NOT IN`) when the list is empty,
/// which neither database accepts as `IN ()`.
struct SQLList {
    let values: [any SQLValueConvertible]

    init<C: Collection>(_ values: C) where C.Element: SQLValueConvertible {
        self.values = Array(values)
    }

    /// `column IN (…)`.
    func contains(_ column: String) -> String {
        values.isEmpty ? "1 = 0" : "\(column) IN (\(marks))"
    }

    /// `column NOT IN (…)`.
    func excludes(_ column: String) -> String {
        values.isEmpty ? "1 = 1" : "\(column) NOT IN (\(marks))"
    }

    private var marks: String { Array(repeating: "?", count: values.count).joined(separator: ", ") }
}
