/// What one pass over the outbox did, counted in outbox rows.
public struct DispatchReport: Sendable, Equatable {
    /// Rows delivered, and the messages that carried them (grouping makes fewer messages).
    public var delivered = 0
    public var messages = 0
    /// Rows whose attempt failed and that will be tried again.
    public var retrying = 0
    /// Rows held without an attempt: quiet hours, rate limit, grouping window.
    public var held = 0
    /// Rows given up on (max age passed, channel gone, unreadable payload).
    public var failed = 0
    /// Rows due but not started because their channel's pass ran out of
    /// time; untouched, they go in the channel's next pass.
    public var deferred = 0

    public init() {}

    mutating func add(_ other: DispatchReport) {
        delivered += other.delivered
        messages += other.messages
        retrying += other.retrying
        held += other.held
        failed += other.failed
        deferred += other.deferred
    }
}
