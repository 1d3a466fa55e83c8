import Foundation

/// Collects the columns of one record.
final class ColumnList {
    var values: [(name: String, value: SQLValue)] = []
}

/// Writes a record's properties as the columns of one row (see `RecordColumns`).
struct ColumnEncoder: Encoder {
    let columns = ColumnList()
    let json: (String) -> JSONEncoder
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container<Key>(columns: columns, json: json))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        preconditionFailure("a record encodes as a keyed container")
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        preconditionFailure("a record encodes as a keyed container")
    }

    struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let columns: ColumnList
        let json: (String) -> JSONEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {
            columns.values.append((RecordColumns.snakeCase(key.stringValue), .null))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            let name = RecordColumns.snakeCase(key.stringValue)
            if let plain = value as? any SQLValueConvertible {
                columns.values.append((name, plain.sqlValue))
                return
            }
            let probe = SingleValueProbe()
            if (try? value.encode(to: probe)) != nil, let single = probe.value {
                columns.values.append((name, single))
            } else {
                let data = try json(name).encode(value)
                columns.values.append((name, .text(String(decoding: data, as: UTF8.self))))
            }
        }

        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("a record's columns are single values")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("a record's columns are single values")
        }

        mutating func superEncoder() -> any Encoder { preconditionFailure("a record has no super encoder") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("a record has no super encoder") }
    }
}
