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
        // Migration 2 ("2-finding-kinds") is registered here.
        migrator.registerMigration("3-item-agent-scores", migrate: itemAgentScores)
        return migrator
    }

    /// Every new or edited item keeps its text-only agent score, so the
    /// source prior reads a feed's or author's whole output rather than only
    /// the posts that mention someone. The indexes serve that history, newest
    /// first, by feed and by author (the author one replaces the plain index
    /// on author, which it covers). Older rows keep NULL: the history falls
    /// back to their findings' agent score.
    static func itemAgentScores(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE items ADD COLUMN agent REAL CHECK (agent IS NULL OR agent BETWEEN 0 AND 1);
            CREATE INDEX items_by_feed_seen ON items(feed_id, first_seen_at);
            DROP INDEX IF EXISTS items_by_author;
            CREATE INDEX items_by_author_seen ON items(author, first_seen_at) WHERE author IS NOT NULL;
            UPDATE meta SET value = '3' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 3;
            """)
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
