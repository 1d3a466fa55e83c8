import Foundation
import VigilStore

/// Lets one poll at a time commit a plan that stores new findings.
///
/// A plan numbers its new findings from its snapshot, because its alerts name
/// them; a commit that numbered findings meanwhile makes it stale. Feeds
/// polled at once would otherwise keep making each other's plans stale on a
/// busy first cycle. Behind the gate a poll whose plan went stale reads and
/// plans again while no other poll of the same poller can store findings, so
/// its second plan holds. On SQLite only this process polls
/// (`PollerLease`), so the gate covers every writer of findings; on
/// PostgreSQL the gate also holds the store's findings lock
/// (`Store.withFindingsLock`), which the other workers' gates take too.
final class FindingCommitGate: Sendable {
    private let lock = NSLock()
    private let store: Store

    init(store: Store) {
        self.store = store
    }

    /// Runs `body` while no other poll, of this worker or another, holds
    /// the gate. `body` is synchronous: the store's commit blocks anyway.
    func withGate<T>(_ body: () throws -> T) throws -> T {
        try lock.withLock { try store.withFindingsLock(body) }
    }
}
