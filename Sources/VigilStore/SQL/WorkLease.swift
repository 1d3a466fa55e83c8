/// The statement that leases due rows to one worker on PostgreSQL: the
/// due rows no live lease holds, soonest first, locked with `FOR UPDATE
/// SKIP LOCKED` so that workers claiming at the same instant skip one
/// another's rows instead of waiting for them, then stamped with the
/// worker and the lease's end. A worker never re-takes its own rows (they
/// are in its hands); a dead worker's rows are taken once its lease ends.
enum WorkLease {
    /// SQL with `?` placeholders, in order: the due condition's arguments,
    /// now, the limit, the worker, the lease's end.
    static func claim(table: String, due: String, order: String, returning: String) -> String {
        """
        WITH due AS (
            SELECT id FROM \(table)
            WHERE \(due) AND (lease_owner IS NULL OR lease_expires_at < ?)
            ORDER BY \(order)
            LIMIT ?
            FOR UPDATE SKIP LOCKED
        )
        UPDATE \(table) AS leased SET lease_owner = ?, lease_expires_at = ?
        FROM due WHERE leased.id = due.id
        RETURNING \(returning)
        """
    }
}
