import Foundation

extension Store {
    /// Whether a digest for this period and scope was recorded, in any format.
    public func digestRecorded(periodStart: Date, periodEnd: Date, scope: FindingScope) throws -> Bool {
        try reading { session in
            try Self.digestExists(periodStart: periodStart, periodEnd: periodEnd, scopeKey: scope.key, in: session)
        }
    }

    /// The most recently ended period recorded for a scope.
    public func lastRecordedDigest(scope: FindingScope) throws -> DigestRecord? {
        try reading { session in
            try session.fetchOne(
                DigestRecord.self, "SELECT * FROM digests WHERE scope = ? ORDER BY period_end DESC, id DESC LIMIT 1", [scope.key])
        }
    }

    /// Records a digest as sent and queues its alerts, atomically and at most
    /// once per period and scope: when that period was already recorded (by
    /// this process, one before a restart, or another worker on the same
    /// PostgreSQL database, whose insert the unique key turns away), nothing
    /// is written and nil is returned. The record's scope must be a
    /// `FindingScope.key`.
    /// `notBefore` holds the rows back from the daemon's dispatcher, for a
    /// caller that sends them itself right away (`vigil digest --send`), so a
    /// running daemon cannot deliver the same digest at the same moment.
    public func recordDigestSent(_ digest: DigestRecord, alerts: [AlertDraft], notBefore: Date? = nil) throws -> DigestRecord? {
        try writing { session in
            if try Self.digestExists(periodStart: digest.periodStart, periodEnd: digest.periodEnd, scopeKey: digest.scope, in: session) {
                return nil
            }
            var record = digest
            guard try session.insert(&record, ignoringConflicts: true), let digestID = record.id else { return nil }
            for alert in alerts {
                var outbox = OutboxRecord(
                    digestId: digestID, channel: alert.channel, payload: alert.payload,
                    idempotencyKey: alert.idempotencyKey, nextAttemptAt: notBefore ?? digest.createdAt, createdAt: digest.createdAt)
                try session.insert(&outbox, ignoringConflicts: true)
            }
            return record
        }
    }

    /// The outbox rows that deliver a recorded digest, one per channel.
    public func digestOutbox(digestID: Int64) throws -> [OutboxRecord] {
        try reading { session in
            try session.fetch(OutboxRecord.self, "SELECT * FROM alert_outbox WHERE digest_id = ? ORDER BY id", [digestID])
        }
    }

    static func digestExists(periodStart: Date, periodEnd: Date, scopeKey: String, in session: any SQLSession) throws -> Bool {
        try session.value(
            Bool.self, "SELECT EXISTS (SELECT 1 FROM digests WHERE period_start = ? AND period_end = ? AND scope = ?)",
            [periodStart, periodEnd, scopeKey]) ?? false
    }
}
