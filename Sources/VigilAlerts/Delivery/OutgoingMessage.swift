import Foundation
import VigilStore

/// A message about to go out on a channel, and the outbox rows it carries:
/// one row, or several when findings about one person were grouped.
struct OutgoingMessage: Sendable {
    var rows: [OutboxRecord]
    var envelope: AlertEnvelope

    /// When its oldest row was queued (ties broken by row ID), for ordering.
    var firstQueued: (Date, Int64)? {
        rows.map { ($0.createdAt, $0.id ?? 0) }.min { $0 < $1 }
    }

    /// One message for a person's findings. A single finding keeps its own
    /// key; a group gets a key derived from all of its members' keys.
    static func findings(channel: String, entries: [(OutboxRecord, FindingAlert)]) -> OutgoingMessage {
        let sorted = entries.sorted { ($0.0.createdAt, $0.0.id ?? 0) < ($1.0.createdAt, $1.0.id ?? 0) }
        let key: String
        if sorted.count == 1 {
            key = sorted[0].0.idempotencyKey
        } else {
            let joined = sorted.map(\.0.idempotencyKey).sorted().joined(separator: "\n")
            key = "group-" + Hex.shortDigest(of: joined)
        }
        return OutgoingMessage(
            rows: sorted.map(\.0),
            envelope: AlertEnvelope(kind: .alert, channel: channel, idempotencyKey: key, findings: sorted.map(\.1)))
    }
}
