import Foundation
import GRDB

/// A record's columns as `SQLValue`s, and a record read back from a row,
/// for PostgreSQL (over SQLite GRDB's own record coding does both). The
/// rules are GRDB's, so a row reads the same from either database: property
/// names in snake case, dates as vigil's timestamp text, enumerations by
/// raw value, and anything else nested (arrays, structs) as JSON text with
/// the record's own JSON coders.
enum RecordColumns {
    /// The columns `record` encodes to, in the order it encodes them.
    static func encode<R: EncodableRecord & Encodable>(_ record: R) throws -> [(name: String, value: SQLValue)] {
        let encoder = ColumnEncoder(json: { R.databaseJSONEncoder(for: $0) })
        try record.encode(to: encoder)
        return encoder.columns.values
    }

    /// `R` decoded from `row`.
    static func decode<R: Decodable & FetchableRecord>(_ type: R.Type, from row: SQLRow) throws -> R {
        try R(from: ColumnDecoder(row: row, json: { R.databaseJSONDecoder(for: $0) }))
    }

    /// `siteUrl` → `site_url`, as GRDB's `convertToSnakeCase`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                if !result.isEmpty { result.append("_") }
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Collects the columns of one record.
private final class ColumnList {
    var values: [(name: String, value: SQLValue)] = []
}

private struct ColumnEncoder: Encoder {
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

/// Finds whether a value encodes as one string or number (an enumeration
/// by raw value) rather than as a composite, which is stored as JSON.
private final class SingleValueProbe: Encoder, SingleValueEncodingContainer {
    var value: SQLValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    struct Composite: Error {}

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RefusingContainer<Key>())
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingContainer<SingleValueProbeKey>() }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ value: Bool) throws { self.value = value.sqlValue }
    func encode(_ value: String) throws { self.value = value.sqlValue }
    func encode(_ value: Double) throws { self.value = value.sqlValue }
    func encode(_ value: Float) throws { self.value = Double(value).sqlValue }
    func encode(_ value: Int) throws { self.value = value.sqlValue }
    func encode(_ value: Int8) throws { self.value = Int(value).sqlValue }
    func encode(_ value: Int16) throws { self.value = Int(value).sqlValue }
    func encode(_ value: Int32) throws { self.value = Int(value).sqlValue }
    func encode(_ value: Int64) throws { self.value = value.sqlValue }
    func encode(_ value: UInt) throws { self.value = Int64(value).sqlValue }
    func encode(_ value: UInt8) throws { self.value = Int(value).sqlValue }
    func encode(_ value: UInt16) throws { self.value = Int(value).sqlValue }
    func encode(_ value: UInt32) throws { self.value = Int(value).sqlValue }
    func encode(_ value: UInt64) throws { self.value = Int64(value).sqlValue }
    func encode<T: Encodable>(_ value: T) throws {
        if let plain = value as? any SQLValueConvertible { self.value = plain.sqlValue } else { throw Composite() }
    }
}

private struct SingleValueProbeKey: CodingKey {
    var stringValue: String { "" }
    var intValue: Int? { nil }
    init?(stringValue: String) {}
    init?(intValue: Int) {}
}

/// Any keyed or unkeyed container: the value is a composite.
private struct RefusingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count: Int { 0 }
    mutating func encodeNil(forKey key: Key) throws { throw SingleValueProbe.Composite() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw SingleValueProbe.Composite() }
    mutating func encodeNil() throws { throw SingleValueProbe.Composite() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw SingleValueProbe.Composite() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RefusingContainer<NestedKey>())
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RefusingContainer<NestedKey>())
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { SingleValueProbe() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueProbe() }
}

private struct ColumnDecoder: Decoder {
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

/// Decodes a value stored as one text (an enumeration by raw value).
private struct SingleTextDecoder: Decoder, SingleValueDecodingContainer {
    let text: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "text"))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "text"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { text }
    func decode(_ type: Bool.Type) throws -> Bool { throw mismatch(type) }
    func decode(_ type: Double.Type) throws -> Double { throw mismatch(type) }
    func decode(_ type: Float.Type) throws -> Float { throw mismatch(type) }
    func decode(_ type: Int.Type) throws -> Int { throw mismatch(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { throw mismatch(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { throw mismatch(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { throw mismatch(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { throw mismatch(type) }
    func decode(_ type: UInt.Type) throws -> UInt { throw mismatch(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw mismatch(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw mismatch(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw mismatch(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw mismatch(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == String.self, let text = text as? T { return text }
        throw mismatch(type)
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a text column"))
    }
}
