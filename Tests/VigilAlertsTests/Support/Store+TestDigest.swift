import Foundation
import GRDB
@testable import VigilStore

extension Store {
    /// Writes a digest row and its outbox row, as the digest producer does.
    func recordDigestForTest(draft: AlertDraft, now: Date) throws -> OutboxRecord {
        try write { db in
            var digest = DigestRecord(periodStart: now.addingTimeInterval(-604_800), periodEnd: now, format: "text", body: "body", createdAt: now)
            try digest.insert(db)
            var outbox = OutboxRecord(digestId: digest.id, channel: draft.channel, payload: draft.payload, idempotencyKey: draft.idempotencyKey, nextAttemptAt: now, createdAt: now)
            try outbox.insert(db)
            return outbox
        }
    }
}
