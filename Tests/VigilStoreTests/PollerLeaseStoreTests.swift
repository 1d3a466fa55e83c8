import Foundation
import Testing
@testable import VigilStore

/// The poller lease's steps, each atomic: claim, renew, release.
@Suite struct PollerLeaseStoreTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func lease(_ token: String, pid: Int32 = 100, expiresIn seconds: Double = 60) -> PollerLeaseRecord {
        PollerLeaseRecord(token: token, pid: pid, host: "h", command: "vigil run", startedAt: now, heartbeatAt: now,
                          expiresAt: now.addingTimeInterval(seconds))
    }

    @Test func theFirstClaimTakesTheLeaseAndASecondMeetsTheHolder() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        #expect(try store.pollerLease() == nil)
        #expect(try store.claimPollerLease(lease("a")) { _ in Issue.record("no holder to judge"); return true } == .taken(lease("a")))
        var judged: [String] = []
        let second = try store.claimPollerLease(lease("b", pid: 200)) { current in
            judged.append(current.token)
            return false
        }
        #expect(second == .held(lease("a")))
        #expect(judged == ["a"])
        #expect(try store.pollerLease()?.token == "a")
    }

    @Test func aStaleHolderIsReplacedAndLosesItsRenewals() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        _ = try store.claimPollerLease(lease("a")) { _ in false }
        #expect(try store.renewPollerLease(token: "a", heartbeatAt: now.addingTimeInterval(15), expiresAt: now.addingTimeInterval(75)))
        #expect(try store.pollerLease()?.expiresAt == now.addingTimeInterval(75))
        #expect(try store.claimPollerLease(lease("b", pid: 200)) { _ in true } == .taken(lease("b", pid: 200)))
        // The old holder learns it lost the lease, and its release leaves the new one alone.
        #expect(try store.renewPollerLease(token: "a", heartbeatAt: now, expiresAt: now) == false)
        try store.releasePollerLease(token: "a")
        #expect(try store.pollerLease()?.token == "b")
        try store.releasePollerLease(token: "b")
        #expect(try store.pollerLease() == nil)
    }

    /// Two processes' worth of claims at once (two stores on one file): one wins.
    @Test func concurrentClaimsLeaveExactlyOneHolder() async throws {
        let database = try TemporaryDatabase()
        let stores = try (0..<8).map { _ in try Store.open(at: database.path) }
        let outcomes = try await withThrowingTaskGroup(of: PollerLeaseClaim.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask { try store.claimPollerLease(lease("t\(index)", pid: Int32(index))) { _ in false } }
            }
            var all: [PollerLeaseClaim] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        let winners = outcomes.compactMap { if case .taken(let record) = $0 { record.token } else { nil } }
        #expect(winners.count == 1)
        #expect(try database.store.pollerLease()?.token == winners.first)
    }
}
