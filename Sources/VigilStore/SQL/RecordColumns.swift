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
