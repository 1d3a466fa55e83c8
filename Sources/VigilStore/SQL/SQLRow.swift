/// The names of a result's columns, shared by its rows.
final class SQLColumns: Sendable {
    let names: [String]
    let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }
}

/// One row read from either database. Reading a column as a type it does
/// not hold is an error naming the column, not a crash.
public struct SQLRow: Sendable {
    let columns: SQLColumns
    public let values: [SQLValue]

    init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public var columnNames: [String] { columns.names }

    /// The raw value of `column`, or nil when the row has no such column.
    public subscript(column: String) -> SQLValue? {
        columns.positions[column].map { values[$0] }
    }

    /// The value of `column` as `T`.
    public func get<T: SQLValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let position = columns.positions[column] else {
            throw StoreError("the database answered without a column \(column)", isBadInput: false)
        }
        return try get(position, as: type, name: column)
    }

    /// The value of the column at `position` (from 0) as `T`.
    public func get<T: SQLValueConvertible>(_ position: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(position) else {
            throw StoreError("the database answered with \(values.count) columns, not \(position + 1)", isBadInput: false)
        }
        return try get(position, as: type, name: columns.names[position])
    }

    private func get<T: SQLValueConvertible>(_ position: Int, as type: T.Type, name: String) throws -> T {
        guard let value = T.fromSQL(values[position]) else {
            throw StoreError("column \(name) holds \(values[position]), which is not a \(T.self)", isBadInput: false)
        }
        return value
    }
}
