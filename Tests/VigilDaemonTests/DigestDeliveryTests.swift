import Foundation
import GRDB
import Testing
@testable import VigilDaemon
@testable import VigilStore

/// The scheduled digest is recorded and queued exactly once per period,
/// also when the daemon restarts or two runs race.
@Suite struct DigestDeliveryTests {
    func delivery(_ store: Store) throws -> DigestDelivery {
        var settings = DigestSettings()
        settings.schedule = "mon 08:00"
        settings.timeZone = "Europe/Berlin"
        settings.format = "markdown"
        return try DigestDelivery(store: store, settings: settings)
    }

    @Test func sendsEachPeriodOnceAcrossRestarts() throws {
        let fixture = try DigestFixture.realistic()
        let now = DigestFixture.now.addingTimeInterval(120)
        let first = try delivery(fixture.store)
        let period = try #require(try first.dueDigest(now: now))
        #expect(period.start == DigestFixture.period.start && period.end == DigestFixture.period.end)
        let prepared = try first.prepare(period: period, now: now)
        #expect(prepared.body.hasPrefix("# vigil digest: all watched people"))
        let alerts = ["ops", "security"].map { channel in
            AlertDraft(channel: channel, payload: #"{"kind":"digest"}"#, idempotencyKey: first.idempotencyKey(for: period, channel: channel))
        }
        let recorded = try #require(try first.recordSent(prepared, alerts: alerts))
        #expect(recorded.format == "markdown" && recorded.scope == "all")
        #expect(try first.dueDigest(now: now) == nil)

        // A restarted daemon opens the same file and finds nothing due.
        let reopened = try Store.open(at: fixture.path)
        let second = try delivery(reopened)
        #expect(try second.dueDigest(now: now.addingTimeInterval(3600)) == nil)
        // Racing a run that prepared the same period before the record: nothing is written twice.
        #expect(try second.recordSent(prepared, alerts: alerts) == nil)
        try reopened.read { db in
            #expect(try DigestRecord.fetchCount(db) == 1)
            let outbox = try OutboxRecord.fetchAll(db)
            #expect(outbox.count == 2)
            #expect(Set(outbox.map(\.channel)) == ["ops", "security"])
            #expect(outbox.allSatisfy { $0.digestId == recorded.id && $0.findingId == nil })
        }
        // The next week is due once its Monday 08:00 has passed in Berlin.
        #expect(try second.dueDigest(now: DigestFixture.date("2026-11-30T06:59:00Z")) == nil)
        let next = try #require(try second.dueDigest(now: DigestFixture.date("2026-11-30T07:00:00Z")))
        #expect(next.start == DigestFixture.period.end)
    }

    @Test func aDifferentFormatDoesNotResendThePeriod() throws {
        let fixture = try DigestFixture.realistic()
        let now = DigestFixture.now
        let markdown = try delivery(fixture.store)
        let period = try #require(try markdown.dueDigest(now: now))
        #expect(try markdown.recordSent(try markdown.prepare(period: period, now: now), alerts: []) != nil)
        let html = DigestDelivery(store: fixture.store, schedule: markdown.schedule, format: .html)
        #expect(try html.dueDigest(now: now) == nil)
        #expect(try html.recordSent(try html.prepare(period: period, now: now), alerts: []) == nil)
    }
}
