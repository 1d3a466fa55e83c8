import Foundation
import GRDB

extension Store {
    /// Enabled feeds whose next poll time has come (every enabled feed when
    /// `dueOnly` is false), soonest first.
    public func feedsToPoll(now: Date, dueOnly: Bool, limit: Int? = nil) throws -> [FeedRecord] {
        try read { db in
            var request = FeedRecord.filter(Column("enabled") == true && Column("source") == FeedRecord.Source.web.rawValue)
            if dueOnly { request = request.filter(Column("next_poll_at") <= now) }
            request = request.order(Column("next_poll_at"), Column("id"))
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// Forgets items that mention nobody once they have not been seen for the
    /// retention period. Items with findings are kept.
    @discardableResult
    public func pruneItems(notSeenSince cutoff: Date) throws -> Int {
        try write { db in
            try db.execute(sql: """
                DELETE FROM items WHERE text IS NULL AND last_seen_at < ?
                AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.item_id = items.id)
                """, arguments: [cutoff])
            return db.changesCount
        }
    }

    /// Writes the columns a poll changes: address (a confirmed permanent
    /// redirect), title and site when first learned, the feed's description
    /// (which the source prior reads for a self-declared agent, in the poll
    /// and again in `vigil findings show`), validators, schedule, health and
    /// the disabled state. What the user or the config owns (kind,
    /// tags, interval, search terms) is left as it is in the row, so an edit
    /// made while the feed was in flight is not undone by the poll's copy.
    ///
    /// One prepared statement instead of the record's full encoding: a cycle
    /// writes this for every feed, most of them answering 304.
    static func savePollState(of feed: FeedRecord, in db: Database) throws {
        guard let id = feed.id else {
            throw StoreError("cannot store the poll of a feed that has no row: \(feed.url)", isBadInput: false)
        }
        let statement = try db.cachedStatement(sql: """
            UPDATE feeds SET url = ?, title = ?, site_url = ?, description = ?, etag = ?, last_modified = ?, next_poll_at = ?,
                consecutive_failures = ?, last_polled_at = ?, last_success_at = ?, last_status = ?, last_error = ?,
                last_bytes = ?, last_duration_ms = ?, redirect_candidate = ?, redirect_seen_count = ?, enabled = ?,
                disabled_reason = ?
            WHERE id = ?
            """)
        try statement.execute(arguments: [
            feed.url, feed.title, feed.siteUrl, feed.description, feed.etag, feed.lastModified, feed.nextPollAt,
            feed.consecutiveFailures, feed.lastPolledAt, feed.lastSuccessAt, feed.lastStatus, feed.lastError,
            feed.lastBytes, feed.lastDurationMs, feed.redirectCandidate, feed.redirectSeenCount, feed.enabled,
            feed.disabledReason, id,
        ])
        guard db.changesCount > 0 else {
            throw StoreError("feed \(feed.url) is no longer in the database", isBadInput: false)
        }
    }

    /// Starts a cycle record and returns it with its ID.
    public func startCycle(at date: Date) throws -> CycleRecord {
        try write { db in
            var cycle = CycleRecord(startedAt: date)
            try cycle.insert(db)
            return cycle
        }
    }

    public func finishCycle(_ cycle: CycleRecord) throws {
        try write { db in try cycle.update(db) }
    }

    /// The most recent finished cycle.
    public func lastCycle() throws -> CycleRecord? {
        try read { db in
            try CycleRecord.filter(Column("finished_at") != nil).order(Column("started_at").desc).fetchOne(db)
        }
    }
}
