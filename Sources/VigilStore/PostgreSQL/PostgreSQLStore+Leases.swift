import Foundation
import PostgresNIO

/// Shared work on PostgreSQL: each due feed, due repository and pending
/// alert is leased by exactly one worker with `SELECT … FOR UPDATE SKIP
/// LOCKED`, so workers polling at once never take the same row and never
/// wait for one another. A lease lasts until `lease_expires_at`; a worker
/// that dies mid-cycle loses its leases then, and the next claim by any
/// worker takes them.
extension PostgreSQLStore {
    /// A leased row: its ID and address (a feed's URL, a repository's name).
    public struct Lease: Sendable, Equatable {
        public var id: Int64
        public var name: String
    }

    /// What can be leased, and which of its rows are due.
    public enum LeasedWork: Sendable {
        case feeds
        case repositories
        case alerts

        var table: String {
            switch self {
            case .feeds: "feeds"
            case .repositories: "github_repositories"
            case .alerts: "alert_outbox"
            }
        }

        var name: String {
            switch self {
            case .feeds: "url"
            case .repositories: "repo"
            case .alerts: "channel"
            }
        }

        /// SQL: the row is due at the first argument.
        var due: String {
            switch self {
            case .feeds: "enabled = 1 AND source = 'web' AND next_poll_at <= ?"
            case .repositories: "COALESCE(next_poll_at, created_at) <= ?"
            case .alerts: "delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?"
            }
        }

        var order: String {
            switch self {
            case .feeds: "next_poll_at, id"
            case .repositories: "COALESCE(next_poll_at, created_at), id"
            case .alerts: "next_attempt_at, id"
            }
        }
    }

    /// Leases up to `limit` due rows of `work` to `worker` for `duration`,
    /// soonest due first: rows leased by another live worker, and rows
    /// another claim holds locked this instant, are skipped.
    public func claim(_ work: LeasedWork, worker: String, limit: Int, duration: Duration, now: Date = Date()) async throws -> [Lease] {
        let time = StoreTime.text(now)
        let expiry = StoreTime.text(now.addingTimeInterval(Double(duration.components.seconds)))
        let sql = PostgreSQLSession.numberingPlaceholders(WorkLease.claim(
            table: work.table, due: work.due, order: work.order, returning: "leased.id, leased.\(work.name)"))
        var binds = PostgresBindings(capacity: 5)
        binds.append(time)
        binds.append(time)
        binds.append(Int64(max(0, limit)))
        binds.append(worker)
        binds.append(expiry)
        do {
            var leases: [Lease] = []
            for try await (id, name) in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds)).decode((Int64, String).self) {
                leases.append(Lease(id: id, name: name))
            }
            return leases.sorted { $0.id < $1.id }
        } catch {
            throw failure(error, doing: "lease \(work.table) in")
        }
    }

    /// Gives leases back (after the work is stored); a lease another worker
    /// took over after it expired is not touched. Returns how many were held.
    @discardableResult
    public func release(_ work: LeasedWork, ids: [Int64], worker: String) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        var binds = PostgresBindings(capacity: 2)
        binds.append(worker)
        binds.append(ids)
        do {
            var released = 0
            for try await _ in try await client.query(PostgresQuery(unsafeSQL: """
                UPDATE \(work.table) SET lease_owner = NULL, lease_expires_at = NULL
                WHERE lease_owner = $1 AND id = ANY($2) RETURNING id
                """, binds: binds)).decode(Int64.self) {
                released += 1
            }
            return released
        } catch {
            throw failure(error, doing: "release leases of \(work.table) in")
        }
    }

    /// Records a worker's heartbeat (and its last cycle, when one ended).
    public func heartbeat(_ worker: WorkerRecord) async throws {
        var binds = PostgresBindings(capacity: 8)
        binds.append(worker.id)
        binds.append(worker.host)
        binds.append(Int64(worker.pid))
        binds.append(worker.command)
        binds.append(StoreTime.text(worker.startedAt))
        binds.append(StoreTime.text(worker.heartbeatAt))
        if let cycle = worker.lastCycleAt { binds.append(StoreTime.text(cycle)) } else { binds.appendNull() }
        if let feeds = worker.lastCycleFeeds { binds.append(Int64(feeds)) } else { binds.appendNull() }
        do {
            try await client.query(PostgresQuery(unsafeSQL: """
                INSERT INTO workers (id, host, pid, command, started_at, heartbeat_at, last_cycle_at, last_cycle_feeds)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at,
                    last_cycle_at = COALESCE(EXCLUDED.last_cycle_at, workers.last_cycle_at),
                    last_cycle_feeds = COALESCE(EXCLUDED.last_cycle_feeds, workers.last_cycle_feeds)
                """, binds: binds))
        } catch {
            throw failure(error, doing: "record a worker in")
        }
    }

    /// The workers whose heartbeat is at or after `since`, with how many
    /// feeds each holds leased now.
    public func workers(seenSince since: Date, now: Date = Date()) async throws -> [(worker: WorkerRecord, leasedFeeds: Int)] {
        var binds = PostgresBindings(capacity: 2)
        binds.append(StoreTime.text(since))
        binds.append(StoreTime.text(now))
        do {
            var workers: [(WorkerRecord, Int)] = []
            let rows = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT w.id, w.host, w.pid, w.command, w.started_at, w.heartbeat_at, w.last_cycle_at, w.last_cycle_feeds,
                       (SELECT COUNT(*) FROM feeds f WHERE f.lease_owner = w.id AND f.lease_expires_at >= $2)
                FROM workers w WHERE w.heartbeat_at >= $1 ORDER BY w.host, w.id
                """, binds: binds))
            for try await (id, host, pid, command, started, heartbeat, cycle, feeds, leased)
                in rows.decode((String, String, Int64, String, String, String, String?, Int64?, Int64).self) {
                let record = WorkerRecord(
                    id: id, host: host, pid: Int(pid), command: command, startedAt: StoreTime.date(started) ?? .distantPast,
                    heartbeatAt: StoreTime.date(heartbeat) ?? .distantPast, lastCycleAt: cycle.flatMap(StoreTime.date),
                    lastCycleFeeds: feeds.map(Int.init))
                workers.append((record, Int(leased)))
            }
            return workers
        } catch {
            throw failure(error, doing: "list the workers of")
        }
    }

    /// The database server's clock, for `doctor`'s skew check.
    public func serverTime() async throws -> Date {
        do {
            for try await seconds in try await client.query("SELECT EXTRACT(EPOCH FROM clock_timestamp())::float8").decode(Double.self) {
                return Date(timeIntervalSince1970: seconds)
            }
            throw StoreError("PostgreSQL at \(location) sent no time", isBadInput: false)
        } catch {
            throw failure(error, doing: "read the clock of")
        }
    }
}
