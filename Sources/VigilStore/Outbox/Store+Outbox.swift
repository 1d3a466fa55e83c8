import Foundation

/// The alert outbox as the dispatcher works it: rows are read when due and
/// each outcome is written back at once, so a restart resumes where it was.
///
/// On PostgreSQL the due rows are leased to the worker that reads them
/// (`leaseDue`), and every outcome ends the lease: each alert goes out
/// through one worker. A worker that dies between sending and recording
/// leaves its alerts to another once the lease ends, so across a crash an
/// alert may be sent twice (at least once, with the same idempotency key).
extension Store {
    private static let pending = "delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?"

    /// Alerts neither delivered nor failed whose next attempt time has come,
    /// oldest first.
    public func dueAlerts(now: Date, limit: Int = 500) throws -> [OutboxRecord] {
        try dueAlerts(where: Self.pending, [now], now: now, limit: limit)
    }

    /// One channel's due alerts, oldest first: each channel is worked on its
    /// own, so one channel's backlog never fills another's reading.
    public func dueAlerts(channel: String, now: Date, limit: Int = 500) throws -> [OutboxRecord] {
        try dueAlerts(where: Self.pending + " AND channel = ?", [now, channel], now: now, limit: limit)
    }

    /// Due alerts for channels other than these (a channel removed from the
    /// config), oldest first.
    public func dueAlerts(outside channels: [String], now: Date, limit: Int = 500) throws -> [OutboxRecord] {
        let known = SQLList(channels)
        return try dueAlerts(where: Self.pending + " AND " + known.excludes("channel"), [now] + known.values, now: now, limit: limit)
    }

    private func dueAlerts(
        where condition: String, _ arguments: [any SQLValueConvertible], now: Date, limit: Int
    ) throws -> [OutboxRecord] {
        try writing { session in
            try leaseDue(
                OutboxRecord.self, due: condition, arguments: arguments, order: "next_attempt_at, id", limit: limit, now: now,
                in: session)
        }.sorted { ($0.nextAttemptAt, $0.id ?? 0) < ($1.nextAttemptAt, $1.id ?? 0) }
    }

    /// When the next pending alert falls due, if any is pending.
    public func nextAlertDue() throws -> Date? {
        try reading { session in
            try session.value(Date.self, """
                SELECT MIN(next_attempt_at) FROM alert_outbox WHERE delivered_at IS NULL AND failed_at IS NULL
                """)
        }
    }

    /// Alerts delivered on `channel` at or after `since`, for rate limits and grouping.
    public func deliveredAlerts(channel: String, since: Date) throws -> [OutboxRecord] {
        try reading { session in
            try session.fetch(
                OutboxRecord.self, "SELECT * FROM alert_outbox WHERE channel = ? AND delivered_at >= ? ORDER BY delivered_at",
                [channel, since])
        }
    }

    /// Records a successful delivery of these alerts (one message may carry several).
    public func markAlertsDelivered(ids: [Int64], at date: Date) throws {
        try settle(ids, "delivered_at = ?, attempts = attempts + 1, last_error = NULL", [date], unless: "failed_at IS NOT NULL")
    }

    /// Records a failed attempt and when to try again.
    public func markAlertAttemptFailed(ids: [Int64], error: String, nextAttemptAt: Date) throws {
        try settle(ids, "attempts = attempts + 1, last_error = ?, next_attempt_at = ?", [error, nextAttemptAt], unless: "delivered_at IS NOT NULL")
    }

    /// Holds alerts without counting an attempt (quiet hours, rate limit, grouping).
    public func postponeAlerts(ids: [Int64], until date: Date) throws {
        try settle(ids, "next_attempt_at = ?", [date], unless: "delivered_at IS NOT NULL OR failed_at IS NOT NULL")
    }

    /// Gives up on alerts: they stay in the table, failed, with the reason,
    /// for `vigil status` to show.
    public func markAlertsFailed(ids: [Int64], at date: Date, error: String) throws {
        try settle(ids, "failed_at = ?, last_error = ?", [date, error], unless: "delivered_at IS NOT NULL")
    }

    /// Writes an attempt's outcome to the alerts `ids` that are not settled
    /// already (`unless`), and ends their leases.
    private func settle(
        _ ids: [Int64], _ assignments: String, _ arguments: [any SQLValueConvertible], unless settled: String
    ) throws {
        guard !ids.isEmpty else { return }
        let list = SQLList(ids)
        try writing { session in
            try session.execute("""
                UPDATE alert_outbox SET \(assignments), lease_owner = NULL, lease_expires_at = NULL
                WHERE \(list.contains("id")) AND NOT (\(settled))
                """, arguments + list.values)
        }
    }

    /// Alerts given up on, newest first.
    public func failedAlerts(limit: Int = 50) throws -> [OutboxRecord] {
        try reading { session in
            try session.fetch(
                OutboxRecord.self, "SELECT * FROM alert_outbox WHERE failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT ?", [limit])
        }
    }

    public func outboxSummary() throws -> OutboxSummary {
        try reading { session in
            let row = try session.row("""
                SELECT
                    COALESCE(SUM(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0) AS pending,
                    COALESCE(SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS delivered,
                    COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS failed,
                    MIN(CASE WHEN delivered_at IS NULL AND failed_at IS NULL THEN created_at END) AS oldest
                FROM alert_outbox
                """)
            return OutboxSummary(
                pending: try row?.get("pending") ?? 0, delivered: try row?.get("delivered") ?? 0, failed: try row?.get("failed") ?? 0,
                oldestPendingAt: try row?.get("oldest", as: Date?.self) ?? nil)
        }
    }
}
