import Foundation
import GRDB

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
        try write { db in
            var summary = PollSummary()
            if plan.findings.contains(where: \.isNew) {
                let next = try Self.nextFindingID(in: db)
                guard next <= plan.firstNewFindingID else {
                    throw StalePollPlan("finding \(plan.firstNewFindingID) was stored meanwhile")
                }
            }
            try Self.savePollState(of: plan.feed, in: db)
            let contentKnown = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM items WHERE content_hash = ?)")
            let touch = try db.cachedStatement(sql: "UPDATE items SET last_seen_at = ? WHERE id = ?")
            var itemIDs: [Int: Int64] = [:]
            for (index, planned) in plan.items.enumerated() {
                switch planned {
                case .seen(let itemID):
                    try touch.execute(arguments: [plan.time, itemID])
                    summary.itemsUnchanged += 1
                case .insert(var record, let requiresUnseenContent):
                    if requiresUnseenContent {
                        guard try Bool.fetchOne(contentKnown, arguments: [record.contentHash]) == false else {
                            throw StalePollPlan("another feed stored the content of \(record.dedupeKey) meanwhile")
                        }
                        try record.insert(db)
                        summary.itemsNew += 1
                    } else {
                        try record.insert(db, onConflict: .ignore)
                        summary.itemsUnchanged += 1
                    }
                    itemIDs[index] = record.id
                case .update(let record):
                    do {
                        try record.update(db)
                    } catch RecordError.recordNotFound {
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
                    try record.insert(db)
                    summary.findingsNew += 1
                } else {
                    // The assessment's columns only: a user's acknowledgement
                    // or label made while the poll was scoring stays, unless
                    // the plan reopens the finding.
                    var columns = [
                        "hostility", "agent", "attack", "severity", "kind", "evidence", "closed_pull_request", "model_version", "updated_at",
                    ]
                    if planned.reopens { columns.append("state") }
                    do {
                        try record.update(db, columns: columns)
                    } catch RecordError.recordNotFound {
                        throw StalePollPlan("finding \(record.id ?? 0) was removed meanwhile")
                    }
                    summary.findingsUpdated += 1
                }
            }
            for relation in plan.relations {
                switch relation {
                case .set(let finding, let related):
                    try db.execute(sql: "UPDATE findings SET related_finding_id = ? WHERE id = ?", arguments: [related, finding])
                case .clearAll(let finding):
                    try db.execute(sql: "UPDATE findings SET related_finding_id = NULL WHERE related_finding_id = ?", arguments: [finding])
                }
            }
            for alert in plan.alerts {
                var outbox = OutboxRecord(
                    findingId: alert.findingID, channel: alert.draft.channel, payload: alert.draft.payload,
                    idempotencyKey: alert.draft.idempotencyKey, nextAttemptAt: plan.time, createdAt: plan.time)
                try outbox.insert(db, onConflict: .ignore)
                if db.changesCount > 0 { summary.alertsQueued += 1 }
            }
            return summary
        }
    }
}
