import Synchronization

/// Lets one poll at a time commit a plan that stores new findings.
///
/// A plan numbers its new findings from its snapshot, because its alerts name
/// them; a commit that numbered findings meanwhile makes it stale. Feeds
/// polled at once would otherwise keep making each other's plans stale on a
/// busy first cycle. Behind the gate a poll whose plan went stale reads and
/// plans again while no other poll of the same poller can store findings, so
/// its second plan holds. Only this process polls (`PollerLease`), so the
/// gate covers every writer of findings.
final class FindingCommitGate: Sendable {
    private let mutex = Mutex(())

    /// Runs `body` while no other poll holds the gate. `body` is synchronous:
    /// the store's commit blocks on SQLite's writer anyway.
    func withGate<T>(_ body: () throws -> T) throws -> T {
        try mutex.withLock { _ in try body() }
    }
}
