import Foundation

extension Store {
    /// Writes one feed poll's plan in a single transaction: the feed's state,
    /// its items, their findings, the links between findings and the alerts
    /// to queue. A crash before the commit leaves the previous state; after
    /// it, everything is there once.
    ///
    /// Throws `StalePollPlan`, having written nothing, when the database
    /// moved on since the plan's snapshot in a way the plan depends on: a
    /// finding took the ID of one of the plan's new findings, which its
    /// alerts name already, or another feed stored the content of one of
    /// its new items.
    @discardableResult
    public func commit(_ plan: PollPlan) throws -> PollSummary {
        try writing { session in
            var summary = PollSummary()
            if session.kind == .postgreSQL, plan.findings.contains(where: \.isNew) || plan.items.contains(where: \.isInsert) {
                // Workers commit at once on PostgreSQL: the checks below
                // (the next finding ID, content another feed stored) hold
                // only while no other commit that adds rows runs beside this one.
                try session.execute("SELECT pg_advisory_xact_lock(?)", [Self.newRowsLock])
            }
            if plan.findings.contains(where: \.isNew) {
                let next = try Self.nextFindingID(in: session)
                guard next <= plan.firstNewFindingID else {
                    throw StalePollPlan("finding \(plan.firstNewFindingID) was stored meanwhile")
                }
            }
            try Self.savePollState(of: plan.feed, in: session)
            // The items seen again, and the contents that must still be
            // unknown, each in one statement per 500 rather than one per item.
            var seen: [Int64] = []
            var mustBeUnseen: [String] = []
            for planned in plan.items {
                switch planned {
                case .seen(let itemID): seen.append(itemID)
                case .insert(let record, true): mustBeUnseen.append(record.contentHash)
                case .insert, .update: break
                }
            }
            for chunk in Self.chunks(seen) {
                let ids = SQLList(chunk)
                try session.execute("UPDATE items SET last_seen_at = ? WHERE \(ids.contains("id"))", [plan.time] + ids.values)
            }
            summary.itemsUnchanged += seen.count
            var knownContent = Set<String>()
            for chunk in Self.chunks(mustBeUnseen) {
                let hashes = SQLList(chunk)
                knownContent.formUnion(try session.values(
                    String.self, "SELECT DISTINCT content_hash FROM items WHERE \(hashes.contains("content_hash"))", hashes.values))
            }
            var itemIDs: [Int: Int64] = [:]
            for (index, planned) in plan.items.enumerated() {
                switch planned {
                case .seen:
                    break
                case .insert(var record, let requiresUnseenContent):
                    if requiresUnseenContent {
                        guard knownContent.insert(record.contentHash).inserted else {
                            throw StalePollPlan("another feed stored the content of \(record.dedupeKey) meanwhile")
                        }
                        try session.insert(&record)
                        summary.itemsNew += 1
                    } else {
                        try session.insert(&record, ignoringConflicts: true)
                        knownContent.insert(record.contentHash)
                        summary.itemsUnchanged += 1
                    }
                    itemIDs[index] = record.id
                case .update(let record):
                    guard try session.update(record) else {
                        throw StalePollPlan("item \(record.id ?? 0) was removed meanwhile")
                    }
                    summary.itemsEdited += 1
                }
            }
            for planned in plan.findings {
                var record = planned.record
                if case .planned(let index) = planned.item {
                    guard let itemID = itemIDs[index] else {
                        throw StoreError("a planned finding names item \(index), which the plan does not insert", isBadInput: false)
                    }
                    record.itemId = itemID
                }
                if planned.isNew {
                    try session.insert(&record)
                    summary.findingsNew += 1
                } else {
                    // The assessment's columns only: a user's acknowledgement
                    // or label made while the poll was scoring stays, unless
                    // the plan reopens the finding.
                    var columns = [
                        "hostility", "agent", "attack", "severity", "kind", "evidence", "closed_pull_request", "model_version", "updated_at",
                    ]
                    if planned.reopens { columns.append("state") }
                    guard try session.update(record, columns: columns) else {
                        throw StalePollPlan("finding \(record.id ?? 0) was removed meanwhile")
                    }
                    summary.findingsUpdated += 1
                }
            }
            for relation in plan.relations {
                switch relation {
                case .set(let finding, let related):
                    try session.execute("UPDATE findings SET related_finding_id = ? WHERE id = ?", [related, finding])
                case .clearAll(let finding):
                    try session.execute("UPDATE findings SET related_finding_id = NULL WHERE related_finding_id = ?", [finding])
                }
            }
            for alert in plan.alerts {
                var outbox = OutboxRecord(
                    findingId: alert.findingID, channel: alert.draft.channel, payload: alert.draft.payload,
                    idempotencyKey: alert.draft.idempotencyKey, nextAttemptAt: plan.time, createdAt: plan.time)
                if try session.insert(&outbox, ignoringConflicts: true) { summary.alertsQueued += 1 }
            }
            return summary
        }
    }

    /// The advisory lock key under which PostgreSQL workers add items and findings.
    static let newRowsLock: Int64 = 0x7669_6769_6C00_0002

    /// The advisory lock key of `withFindingsLock`.
    static let findingsLock: Int64 = 0x7669_6769_6C00_0004

    /// Runs `body` while no other worker on this database runs its own:
    /// a poll that stores new findings reads, plans and commits inside it,
    /// so that another worker's findings cannot take the IDs its plan (and
    /// its alerts) gave them in between. On SQLite, where one process polls,
    /// `body` just runs.
    public func withFindingsLock<T>(_ body: () throws -> T) throws -> T {
        switch backend {
        case .sqlite: return try body()
        case .postgreSQL(let pool): return try pool.holdingLock(Self.findingsLock, body)
        }
    }
}
