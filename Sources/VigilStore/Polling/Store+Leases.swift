import Foundation

extension Store {
    /// Up to `limit` rows of `R`'s table that are `due`, soonest first by
    /// `order`. On PostgreSQL they are leased to this worker in the same
    /// statement (`WorkLease`), so several workers asking at once share the
    /// rows and never take the same one; on SQLite, where one poller holds
    /// the database, they are only read.
    func leaseDue<R: StoredRecord>(
        _ type: R.Type, due: String, arguments: [any SQLValueConvertible], order: String, limit: Int, now: Date,
        in session: any SQLSession
    ) throws -> [R] {
        let table = R.databaseTableName
        switch session.kind {
        case .sqlite:
            return try session.fetch(type, "SELECT * FROM \(table) WHERE \(due) ORDER BY \(order) LIMIT ?", arguments + [limit])
        case .postgreSQL:
            let sql = WorkLease.claim(table: table, due: due, order: order, returning: "leased.*")
            return try session.fetch(
                type, sql, arguments + [now, limit, workerID, now.addingTimeInterval(leaseDuration)])
        }
    }

    /// Leases up to `limit` due feeds to this worker (see `leaseDue`). A
    /// feed's lease ends when its poll is stored (`commit`).
    public func leaseFeedsToPoll(now: Date, limit: Int) throws -> [FeedRecord] {
        try writing { session in
            try leaseDue(
                FeedRecord.self, due: "enabled = 1 AND source = 'web' AND next_poll_at <= ?", arguments: [now],
                order: "next_poll_at, id", limit: limit, now: now, in: session
            ).sorted { ($0.nextPollAt, $0.id ?? 0) < ($1.nextPollAt, $1.id ?? 0) }
        }
    }
}
