import Foundation
import GRDB

/// The ordered list of schema migrations. Migration 1 is `schema.sql` exactly
/// as shipped; later ones are appended here and never edited once released.
enum Migrations {
    static func migrator() throws -> DatabaseMigrator {
        let schema = try bundledSchema()
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-schema") { db in
            try db.execute(sql: schema)
        }
        return migrator
    }

    /// The schema compiled into the binary from `schema.sql`, so an installed
    /// vigil needs no resource folder beside it.
    static func bundledSchema() throws -> String {
        guard let schema = String(bytes: PackageResources.schema_sql, encoding: .utf8), !schema.isEmpty else {
            throw StoreError("the schema compiled into vigil is not UTF-8 text; rebuild vigil", isBadInput: false)
        }
        return schema
    }
}
