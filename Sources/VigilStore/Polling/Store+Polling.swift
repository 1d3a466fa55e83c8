import Foundation

extension Store {
    /// Enabled feeds whose next poll time has come (every enabled feed when
    /// `dueOnly` is false), soonest first.
    public func feedsToPoll(now: Date, dueOnly: Bool, limit: Int? = nil) throws -> [FeedRecord] {
        try reading { session in
            var sql = "SELECT * FROM feeds WHERE enabled = 1 AND source = 'web'"
            var arguments: [any SQLValueConvertible] = []
            if dueOnly {
                sql += " AND next_poll_at <= ?"
                arguments.append(now)
            }
            sql += " ORDER BY next_poll_at, id"
            if let limit {
                sql += " LIMIT ?"
                arguments.append(limit)
            }
            return try session.fetch(FeedRecord.self, sql, arguments)
        }
    }

    /// Forgets items that mention nobody once they have not been seen for the
    /// retention period. Items with findings are kept.
    @discardableResult
    public func pruneItems(notSeenSince cutoff: Date) throws -> Int {
        try writing { session in
            try session.execute("""
                DELETE FROM items WHERE text IS NULL AND last_seen_at < ?
                AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.item_id = items.id)
                """, [cutoff])
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
    /// writes this for every feed, most of them answering 304. The feed's
    /// lease (several workers on PostgreSQL) ends with it.
    static func savePollState(of feed: FeedRecord, in session: any SQLSession) throws {
        guard let id = feed.id else {
            throw StoreError("cannot store the poll of a feed that has no row: \(feed.url)", isBadInput: false)
        }
        let changed = try session.execute("""
            UPDATE feeds SET url = ?, title = ?, site_url = ?, description = ?, etag = ?, last_modified = ?, next_poll_at = ?,
                consecutive_failures = ?, last_polled_at = ?, last_success_at = ?, last_status = ?, last_error = ?,
                last_bytes = ?, last_duration_ms = ?, redirect_candidate = ?, redirect_seen_count = ?, enabled = ?,
                disabled_reason = ?, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = ?
            """, [
            feed.url, feed.title, feed.siteUrl, feed.description, feed.etag, feed.lastModified, feed.nextPollAt,
            feed.consecutiveFailures, feed.lastPolledAt, feed.lastSuccessAt, feed.lastStatus, feed.lastError,
            feed.lastBytes, feed.lastDurationMs, feed.redirectCandidate, feed.redirectSeenCount, feed.enabled,
            feed.disabledReason, id,
        ])
        guard changed > 0 else {
            throw StoreError("feed \(feed.url) is no longer in the database", isBadInput: false)
        }
    }

    /// Starts a cycle record and returns it with its ID.
    public func startCycle(at date: Date) throws -> CycleRecord {
        try writing { session in
            var cycle = CycleRecord(startedAt: date)
            try session.insert(&cycle)
            return cycle
        }
    }

    public func finishCycle(_ cycle: CycleRecord) throws {
        try writing { session in try session.update(cycle) }
    }

    /// The most recent finished cycle.
    public func lastCycle() throws -> CycleRecord? {
        try reading { session in
            try session.fetchOne(CycleRecord.self, "SELECT * FROM cycles WHERE finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1")
        }
    }
}
