import Foundation

/// The workers sharing a PostgreSQL database, as `vigil status` and
/// `doctor` show them: each records itself when it starts polling, beats
/// while it polls, and notes each cycle it finishes.
extension Store {
    /// Records `worker`, or its heartbeat and last cycle when it is known.
    public func recordWorker(_ worker: WorkerRecord) throws {
        try writing { session in
            try session.execute("""
                INSERT INTO workers (id, host, pid, command, started_at, heartbeat_at, last_cycle_at, last_cycle_feeds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at,
                    last_cycle_at = COALESCE(excluded.last_cycle_at, workers.last_cycle_at),
                    last_cycle_feeds = COALESCE(excluded.last_cycle_feeds, workers.last_cycle_feeds)
                """, [
                    worker.id, worker.host, worker.pid, worker.command, worker.startedAt, worker.heartbeatAt,
                    worker.lastCycleAt, worker.lastCycleFeeds,
                ])
        }
    }

    /// Notes that this store's worker finished a cycle over `feeds` feeds.
    public func recordWorkerCycle(at time: Date, feeds: Int) throws {
        try writing { session in
            try session.execute(
                "UPDATE workers SET heartbeat_at = ?, last_cycle_at = ?, last_cycle_feeds = ? WHERE id = ?",
                [time, time, feeds, workerID])
        }
    }

    /// The workers whose heartbeat is at or after `since`, with how many
    /// feeds each holds leased at `now`, by host.
    public func workers(seenSince since: Date, now: Date = Date()) throws -> [(worker: WorkerRecord, leasedFeeds: Int)] {
        try reading { session in
            try session.rows("""
                SELECT w.*, (SELECT COUNT(*) FROM feeds f WHERE f.lease_owner = w.id AND f.lease_expires_at >= ?) AS leased
                FROM workers w WHERE w.heartbeat_at >= ? ORDER BY w.host, w.id
                """, [now, since]).map { row in
                let worker = WorkerRecord(
                    id: try row.get("id"), host: try row.get("host"), pid: try row.get("pid"), command: try row.get("command"),
                    startedAt: try row.get("started_at"), heartbeatAt: try row.get("heartbeat_at"),
                    lastCycleAt: try row.get("last_cycle_at"), lastCycleFeeds: try row.get("last_cycle_feeds"))
                return (worker, try row.get("leased", as: Int.self))
            }
        }
    }

    /// Gives back every lease this store's worker holds, for a worker that
    /// stops cleanly: its unfinished work goes to the others at once rather
    /// than when the leases end.
    public func releaseLeases() throws {
        try writing { session in
            for table in ["feeds", "github_repositories", "alert_outbox", "followed_links"] {
                try session.execute("UPDATE \(table) SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?", [workerID])
            }
        }
    }
}
