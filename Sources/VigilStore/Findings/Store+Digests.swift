import Foundation
import GRDB

extension Store {
    /// Whether a digest for this period and scope was recorded, in any format.
    public func digestRecorded(periodStart: Date, periodEnd: Date, scope: FindingScope) throws -> Bool {
        try read { db in try Self.digestExists(periodStart: periodStart, periodEnd: periodEnd, scopeKey: scope.key, in: db) }
    }

    /// The most recently ended period recorded for a scope.
    public func lastRecordedDigest(scope: FindingScope) throws -> DigestRecord? {
        try read { db in
            try DigestRecord.filter(Column("scope") == scope.key).order(Column("period_end").desc, Column("id").desc).fetchOne(db)
        }
    }

    /// Records a digest as sent and queues its alerts, atomically and at most
    /// once per period and scope: when that period was already recorded (by
    /// this process or one before a restart), nothing is written and nil is
    /// returned. The record's scope must be a `FindingScope.key`.
    /// `notBefore` holds the rows back from the daemon's dispatcher, for a
    /// caller that sends them itself right away (`vigil digest --send`), so a
    /// running daemon cannot deliver the same digest at the same moment.
    public func recordDigestSent(_ digest: DigestRecord, alerts: [AlertDraft], notBefore: Date? = nil) throws -> DigestRecord? {
        try write { db in
            if try Self.digestExists(periodStart: digest.periodStart, periodEnd: digest.periodEnd, scopeKey: digest.scope, in: db) {
                return nil
            }
            var record = digest
            try record.insert(db, onConflict: .ignore)
            guard db.changesCount > 0, let digestID = record.id else { return nil }
            for alert in alerts {
                var outbox = OutboxRecord(
                    digestId: digestID, channel: alert.channel, payload: alert.payload,
                    idempotencyKey: alert.idempotencyKey, nextAttemptAt: notBefore ?? digest.createdAt, createdAt: digest.createdAt)
                try outbox.insert(db, onConflict: .ignore)
            }
            return record
        }
    }

    /// The outbox rows that deliver a recorded digest, one per channel.
    public func digestOutbox(digestID: Int64) throws -> [OutboxRecord] {
        try read { db in try OutboxRecord.filter(Column("digest_id") == digestID).order(Column("id")).fetchAll(db) }
    }

    static func digestExists(periodStart: Date, periodEnd: Date, scopeKey: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM digests WHERE period_start = ? AND period_end = ? AND scope = ?)",
                          arguments: [periodStart, periodEnd, scopeKey]) ?? false
    }
}
