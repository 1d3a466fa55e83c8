import Foundation
import GRDB
import Testing
import VigilAlerts
@testable import VigilDigest
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

    @Test func channelsGetTheMessageTheAlertDispatcherReads() throws {
        let fixture = try DigestFixture.realistic()
        let now = DigestFixture.now
        let delivery = try delivery(fixture.store)
        let period = try #require(try delivery.dueDigest(now: now))
        let prepared = try delivery.prepare(period: period, now: now)
        #expect(prepared.message.subject == "vigil digest: all watched people, 16 Nov – 23 Nov: 6 hostile (1 high)")
        #expect(prepared.message.text == prepared.body)
        #expect(prepared.message.html?.hasPrefix("<!DOCTYPE html>") == true)
        let recorded = try #require(try delivery.recordSent(prepared, channels: ["mail", "ops"]))
        let outbox = try fixture.store.digestOutbox(digestID: recorded.id!)
        #expect(outbox.map(\.idempotencyKey) == [
            "digest-all-\(Int(period.start.timeIntervalSince1970))-\(Int(period.end.timeIntervalSince1970))-mail",
            "digest-all-\(Int(period.start.timeIntervalSince1970))-\(Int(period.end.timeIntervalSince1970))-ops",
        ])
        let payload = try JSONDecoder().decode(DigestMessage.self, from: Data(outbox[0].payload.utf8))
        #expect(payload == prepared.message)
        #expect(payload.type == "digest")
        // Names in keys are reduced to header-safe characters, and stay distinct.
        #expect(DigestDelivery.idempotencyKey(scope: .person("Søren K"), period: period, channel: "e mail").contains("person.3AS.C3.B8ren.20K"))
        #expect(DigestDelivery.headerSafe("a.b") != DigestDelivery.headerSafe("a b"))
    }

    @Test func aDigestSentByHandDoesNotStandInForTheScheduledOne() throws {
        let fixture = try DigestFixture.realistic()
        let now = DigestFixture.now.addingTimeInterval(86_400)
        // Someone ran `vigil digest --send` on Tuesday for the last seven days.
        let manual = DigestPeriod.last(seconds: 7 * 86_400, before: now)
        let record = DigestRecord(periodStart: manual.start, periodEnd: manual.end, format: "text", body: "by hand", createdAt: now)
        #expect(try fixture.store.recordDigestSent(record, alerts: []) != nil)
        let due = try #require(try delivery(fixture.store).dueDigest(now: now))
        #expect(due.end == DigestFixture.period.end)
    }
}
