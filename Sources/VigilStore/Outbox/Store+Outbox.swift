import Foundation
import GRDB

/// The alert outbox as the dispatcher works it: rows are read when due and
/// each outcome is written back at once, so a restart resumes where it was.
extension Store {
    /// Alerts neither delivered nor failed whose next attempt time has come,
    /// oldest first.
    public func dueAlerts(now: Date, limit: Int = 500) throws -> [OutboxRecord] {
        try read { db in
            try OutboxRecord
                .filter(Column("delivered_at") == nil && Column("failed_at") == nil && Column("next_attempt_at") <= now)
                .order(Column("next_attempt_at"), Column("id"))
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// One channel's due alerts, oldest first: each channel is worked on its
    /// own, so one channel's backlog never fills another's reading.
    public func dueAlerts(channel: String, now: Date, limit: Int = 500) throws -> [OutboxRecord] {
        try read { db in
            try OutboxRecord
                .filter(Column("delivered_at") == nil && Column("failed_at") == nil && Column("next_attempt_at") <= now)
                .filter(Column("channel") == channel)
                .order(Column("next_attempt_at"), Column("id"))
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// Due alerts for channels other than these (a channel removed from the
    /// config), oldest first.
    public func dueAlerts(outside channels: [String], now: Date, limit: Int = 500) throws -> [OutboxRecord] {
        try read { db in
            try OutboxRecord
                .filter(Column("delivered_at") == nil && Column("failed_at") == nil && Column("next_attempt_at") <= now)
                .filter(!channels.contains(Column("channel")))
                .order(Column("next_attempt_at"), Column("id"))
                .limit(limit)
                .fetchAll(db)
        }
    }

    /// When the next pending alert falls due, if any is pending.
    public func nextAlertDue() throws -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: """
                SELECT MIN(next_attempt_at) FROM alert_outbox WHERE delivered_at IS NULL AND failed_at IS NULL
                """)
        }
    }

    /// Alerts delivered on `channel` at or after `since`, for rate limits and grouping.
    public func deliveredAlerts(channel: String, since: Date) throws -> [OutboxRecord] {
        try read { db in
            try OutboxRecord
                .filter(Column("channel") == channel && Column("delivered_at") >= since)
                .order(Column("delivered_at"))
                .fetchAll(db)
        }
    }

    /// Records a successful delivery of these alerts (one message may carry several).
    public func markAlertsDelivered(ids: [Int64], at date: Date) throws {
        guard !ids.isEmpty else { return }
        _ = try write { db in
            try OutboxRecord.filter(ids.contains(Column("id")) && Column("failed_at") == nil)
                .updateAll(db, Column("delivered_at").set(to: date), Column("attempts") += 1, Column("last_error").set(to: nil))
        }
    }

    /// Records a failed attempt and when to try again.
    public func markAlertAttemptFailed(ids: [Int64], error: String, nextAttemptAt: Date) throws {
        guard !ids.isEmpty else { return }
        _ = try write { db in
            try OutboxRecord.filter(ids.contains(Column("id")) && Column("delivered_at") == nil)
                .updateAll(db, Column("attempts") += 1, Column("last_error").set(to: error), Column("next_attempt_at").set(to: nextAttemptAt))
        }
    }

    /// Holds alerts without counting an attempt (quiet hours, rate limit, grouping).
    public func postponeAlerts(ids: [Int64], until date: Date) throws {
        guard !ids.isEmpty else { return }
        _ = try write { db in
            try OutboxRecord.filter(ids.contains(Column("id")) && Column("delivered_at") == nil && Column("failed_at") == nil)
                .updateAll(db, Column("next_attempt_at").set(to: date))
        }
    }

    /// Gives up on alerts: they stay in the table, failed, with the reason,
    /// for `vigil status` to show.
    public func markAlertsFailed(ids: [Int64], at date: Date, error: String) throws {
        guard !ids.isEmpty else { return }
        _ = try write { db in
            try OutboxRecord.filter(ids.contains(Column("id")) && Column("delivered_at") == nil)
                .updateAll(db, Column("failed_at").set(to: date), Column("last_error").set(to: error))
        }
    }

    /// Alerts given up on, newest first.
    public func failedAlerts(limit: Int = 50) throws -> [OutboxRecord] {
        try read { db in
            try OutboxRecord.filter(Column("failed_at") != nil).order(Column("failed_at").desc).limit(limit).fetchAll(db)
        }
    }

    public func outboxSummary() throws -> OutboxSummary {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT
                    COALESCE(SUM(delivered_at IS NULL AND failed_at IS NULL), 0) AS pending,
                    COALESCE(SUM(delivered_at IS NOT NULL), 0) AS delivered,
                    COALESCE(SUM(failed_at IS NOT NULL), 0) AS failed
                FROM alert_outbox
                """)
            let oldest = try Date.fetchOne(db, sql: """
                SELECT MIN(created_at) FROM alert_outbox WHERE delivered_at IS NULL AND failed_at IS NULL
                """)
            return OutboxSummary(
                pending: row?["pending"] ?? 0, delivered: row?["delivered"] ?? 0, failed: row?["failed"] ?? 0,
                oldestPendingAt: oldest)
        }
    }
}
