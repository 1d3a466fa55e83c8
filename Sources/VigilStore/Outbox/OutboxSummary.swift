import Foundation

/// Counts of the alert outbox for `vigil status` and `vigil doctor`.
public struct OutboxSummary: Sendable, Equatable, Codable {
    public var pending: Int
    public var delivered: Int
    public var failed: Int
    /// When the oldest alert still waiting was queued.
    public var oldestPendingAt: Date?

    public init(pending: Int = 0, delivered: Int = 0, failed: Int = 0, oldestPendingAt: Date? = nil) {
        self.pending = pending
        self.delivered = delivered
        self.failed = failed
        self.oldestPendingAt = oldestPendingAt
    }
}
