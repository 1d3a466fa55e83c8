import Foundation

/// Reads a record's properties from the columns of one row (see `RecordColumns`).
struct ColumnDecoder: Decoder {
    let row: SQLRow
    let json: (String) -> JSONDecoder
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(row: row, json: json))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a row decodes as a keyed container"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "a row decodes as a keyed container"))
    }

    struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: SQLRow
        let json: (String) -> JSONDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.columnNames.compactMap { Key(stringValue: $0) } }

        private func value(_ key: Key) -> SQLValue? { row[RecordColumns.snakeCase(key.stringValue)] }

        func contains(_ key: Key) -> Bool { value(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard let value = value(key) else { return true }
            return value == .null
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let name = RecordColumns.snakeCase(key.stringValue)
            guard let value = row[name] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "no column \(name)"))
            }
            if let plain = type as? any SQLValueConvertible.Type {
                guard let decoded = plain.fromSQL(value) as? T else {
                    throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "column \(name) holds \(value)"))
                }
                return decoded
            }
            guard case .text(let text) = value else {
                throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "column \(name) holds \(value)"))
            }
            if let decoded = try? T(from: SingleTextDecoder(text: text)) { return decoded }
            return try json(name).decode(type, from: Data(text.utf8))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "a column is a single value"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a column is a single value"))
        }

        func superDecoder() throws -> any Decoder { ColumnDecoder(row: row, json: json) }
        func superDecoder(forKey key: Key) throws -> any Decoder { ColumnDecoder(row: row, json: json) }
    }
}
