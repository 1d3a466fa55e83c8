import Foundation
import Testing
@testable import VigilStore
import VigilTestSupport

/// Several stores (workers) on one PostgreSQL database at once: what each
/// takes is its own, and what must happen once happens once. Skipped with a
/// message where PostgreSQL is not installed.
@Suite(.serialized, .enabled(if: PostgresTestCluster.unavailableReason == nil, "\(PostgresTestCluster.unavailableReason ?? "")"))
final class SharedStoreTests {
    let cluster: PostgresTestCluster

    init() async throws {
        cluster = try #require(try await PostgresTestCluster.starting())
    }

    deinit {
        cluster.stop()
    }

    func workers(_ count: Int, leaseDuration: TimeInterval = 300) async throws -> [Store] {
        let location = try PostgreSQLLocation(url: try cluster.createDatabase(), environment: [:])
        var stores: [Store] = []
        for _ in 0..<count { stores.append(try await Store.open(postgreSQL: location, leaseDuration: leaseDuration)) }
        return stores
    }

    @Test func aPeriodsDigestIsRecordedByOneWorkerOnly() async throws {
        let stores = try await workers(3)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let end = start.addingTimeInterval(7 * 86_400)
        let recorded = try await withThrowingTaskGroup(of: DigestRecord?.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    try store.recordDigestSent(
                        DigestRecord(periodStart: start, periodEnd: end, format: "markdown", body: "week by worker \(index)"),
                        alerts: [AlertDraft(channel: "mail", payload: "{}", idempotencyKey: "digest-week-mail")])
                }
            }
            return try await group.reduce(into: [DigestRecord?]()) { $0.append($1) }
        }
        #expect(recorded.compactMap { $0 }.count == 1)
        for store in stores {
            #expect(try store.digestRecorded(periodStart: start, periodEnd: end, scope: .all))
        }
        #expect(try stores[0].dueAlerts(now: end.addingTimeInterval(60)).count == 1)
    }

    @Test func eachDueAlertGoesToOneWorkerAndAnOutcomeEndsItsLease() async throws {
        let stores = try await workers(3, leaseDuration: 2)
        let now = Date()
        try stores[0].writing { session in
            // Alerts belong to a finding or a digest: these to a digest.
            var digest = DigestRecord(periodStart: now.addingTimeInterval(-86_400), periodEnd: now, format: "json", body: "{}", createdAt: now)
            try session.insert(&digest)
            for index in 0..<60 {
                var alert = OutboxRecord(
                    digestId: digest.id, channel: "ops", payload: #"{"n":\#(index)}"#, idempotencyKey: "alert-\(index)", nextAttemptAt: now, createdAt: now)
                try session.insert(&alert)
            }
        }
        let taken = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for store in stores {
                group.addTask { try store.dueAlerts(channel: "ops", now: now, limit: 25).compactMap(\.id) }
            }
            return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
        }
        let all = taken.flatMap { $0 }
        #expect(all.count == 60, "\(taken.map(\.count))")
        #expect(Set(all).count == all.count, "an alert went to two workers")
        // Nothing is left for a fourth look while the leases last.
        #expect(try stores[0].dueAlerts(channel: "ops", now: now).isEmpty)

        // Sent: gone for good. Postponed: free again when due. Held by a dead worker: free when its lease ends.
        try stores[0].markAlertsDelivered(ids: taken[0], at: now)
        try stores[1].postponeAlerts(ids: taken[1], until: now)
        #expect(Set(try stores[2].dueAlerts(channel: "ops", now: now).compactMap(\.id)) == Set(taken[1]))
        let later = now.addingTimeInterval(5)
        let retaken = Set(try stores[0].dueAlerts(channel: "ops", now: later).compactMap(\.id))
        #expect(retaken == Set(taken[1] + taken[2]))
        #expect(retaken.isDisjoint(with: taken[0]))
    }
}
