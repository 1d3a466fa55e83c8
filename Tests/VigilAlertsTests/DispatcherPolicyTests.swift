import Foundation
import Testing
@testable import VigilAlerts
import VigilStore

/// Grouping, quiet hours, rate limits and give-ups, delivered to a JSON
/// Lines file so each message is one line to count.
@Suite struct DispatcherPolicyTests {
    /// These tests count what one pass sends; a loaded machine must not end
    /// the pass early (the limit itself is tested in ChannelIsolationTests).
    static let unhurried = Duration.seconds(3600)
    var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    func at(_ hour: Int, _ minute: Int, day: Int = 1) -> Date {
        utc.date(from: DateComponents(year: 2027, month: 3, day: day, hour: hour, minute: minute))!
    }

    func jsonl(_ fixture: AlertFixture, configure: (inout ChannelSettings) -> Void = { _ in }) -> ChannelSettings {
        var channel = ChannelSettings(name: "log", kind: .jsonl)
        channel.path = fixture.path("alerts.jsonl")
        channel.minSeverity = "low"
        configure(&channel)
        return channel
    }

    func lines(_ fixture: AlertFixture) throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: fixture.path("alerts.jsonl"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func findingsAboutOnePersonWithinTheWindowBecomeOneMessage() async throws {
        let fixture = try AlertFixture(people: [("Ada Lovelace", []), ("Grace Hopper", [])])
        let channel = jsonl(fixture) { $0.groupWindowSeconds = 600 }
        let router = AlertRouter(channels: [channel])
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], passTimeLimit: Self.unhurried, calendar: utc)
        let start = at(12, 0)

        try fixture.addFinding(router: router, now: start)
        #expect(await dispatcher.runOnce(now: start).messages == 1)
        try fixture.addFinding(title: "Second", router: router, now: start.addingTimeInterval(60))
        try fixture.addFinding(title: "Third", router: router, now: start.addingTimeInterval(120))
        try fixture.addFinding(person: "Grace Hopper", title: "About Grace", router: router, now: start.addingTimeInterval(120))
        let held = await dispatcher.runOnce(now: start.addingTimeInterval(120))
        #expect(held.held == 2)
        #expect(held.messages == 1)
        #expect(await dispatcher.runOnce(now: start.addingTimeInterval(599)) == DispatchReport())
        let grouped = await dispatcher.runOnce(now: start.addingTimeInterval(600))
        #expect(grouped.delivered == 2 && grouped.messages == 1)

        let sent = try lines(fixture)
        try #require(sent.count == 3)
        let last = sent[2]
        #expect(last["person"] as? String == "Ada Lovelace")
        #expect((last["findings"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["Second", "Third"])
        #expect((last["idempotency_key"] as? String)?.hasPrefix("group-") == true)
    }

    @Test func quietHoursHoldAlertsUntilMorning() async throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture) { $0.quietHours = "22:00-07:00" }
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], passTimeLimit: Self.unhurried, calendar: utc)
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: at(23, 30))
        #expect(await dispatcher.runOnce(now: at(23, 30)).held == 1)
        #expect(await dispatcher.runOnce(now: at(6, 59, day: 2)) == DispatchReport())
        #expect(await dispatcher.runOnce(now: at(7, 0, day: 2)).delivered == 1)
        #expect(try lines(fixture).count == 1)
    }

    @Test func quietHoursAreReadInTheChannelsZone() async throws {
        let fixture = try AlertFixture()
        // 23:30 UTC is 18:30 in New York (winter): not quiet there, so it goes out at once;
        // 04:30 UTC is 23:30 there: held until 07:00 New York time, 12:00 UTC.
        let channel = jsonl(fixture) {
            $0.quietHours = "22:00-07:00"
            $0.timeZone = "America/New_York"
        }
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], passTimeLimit: Self.unhurried, calendar: utc)
        try fixture.addFinding(title: "evening", router: AlertRouter(channels: [channel]), now: at(23, 30))
        #expect(await dispatcher.runOnce(now: at(23, 30)).delivered == 1)
        try fixture.addFinding(title: "night", router: AlertRouter(channels: [channel]), now: at(4, 30, day: 2))
        #expect(await dispatcher.runOnce(now: at(4, 30, day: 2)).held == 1)
        #expect(await dispatcher.runOnce(now: at(11, 59, day: 2)) == DispatchReport())
        #expect(await dispatcher.runOnce(now: at(12, 0, day: 2)).delivered == 1)
    }

    @Test func theRateLimitHoldsTheLeastSevereAndReleasesThemAfterAnHour() async throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture) { $0.rateLimitPerHour = 2 }
        let router = AlertRouter(channels: [channel])
        let start = at(12, 0)
        try fixture.addFinding(severity: .low, title: "low", router: router, now: start)
        try fixture.addFinding(severity: .medium, title: "medium", router: router, now: start)
        try fixture.addFinding(severity: .high, title: "high", router: router, now: start)
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], passTimeLimit: Self.unhurried, calendar: utc)
        let first = await dispatcher.runOnce(now: start)
        #expect(first.messages == 2 && first.held == 1)
        #expect(try lines(fixture).compactMap { ($0["findings"] as? [[String: Any]])?.first?["title"] as? String } == ["high", "medium"])
        #expect(await dispatcher.runOnce(now: start.addingTimeInterval(3599)) == DispatchReport())
        #expect(await dispatcher.runOnce(now: start.addingTimeInterval(3600)).messages == 1)
        #expect(try lines(fixture).count == 3)
    }

    @Test func aChannelIsRateLimitedByDefault() async throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture)
        #expect(channel.rateLimitPerHour == 30)
        let router = AlertRouter(channels: [channel])
        let start = at(12, 0)
        for index in 0..<31 { try fixture.addFinding(title: "post \(index)", router: router, now: start) }
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], passTimeLimit: Self.unhurried, calendar: utc)
        let first = await dispatcher.runOnce(now: start)
        #expect(first.messages == 30 && first.held == 1)
        #expect(await dispatcher.runOnce(now: start.addingTimeInterval(3600)).messages == 1)
    }

    @Test func anAlertForARemovedChannelIsFailedNotLost() async throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture)
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: at(12, 0))
        let report = await AlertDispatcher(store: fixture.store, channels: []).runOnce(now: at(12, 0))
        #expect(report.failed == 1)
        #expect(try fixture.store.failedAlerts().first?.lastError == "channel 'log' is no longer configured")
    }

    @Test func aMissingSecretKeepsTheAlertAndSaysWhy() async throws {
        let fixture = try AlertFixture()
        var channel = ChannelSettings(name: "ops", kind: .webhook)
        channel.url = .environment("VIGIL_TEST_UNSET_HOOK")
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: at(12, 0))
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], senders: ChannelSenders(environment: [:]))
        #expect(await dispatcher.runOnce(now: at(12, 0)).retrying == 1)
        let row = try #require(try fixture.store.dueAlerts(now: at(14, 0)).first)
        #expect(row.lastError == "channel 'ops': url: environment variable VIGIL_TEST_UNSET_HOOK is not set")
    }

    @Test func belowMinimumSeverityNothingIsQueued() throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture) { $0.minSeverity = "high" }
        let summary = try fixture.addFinding(severity: .medium, router: AlertRouter(channels: [channel]), now: at(12, 0))
        #expect(summary.alertsQueued == 0)
    }

    @Test func runStopsWhenCancelled() async throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture)
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], pollInterval: .milliseconds(20))
        let task = Task { await dispatcher.run() }
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: Date())
        for _ in 0..<200 where try lines(fixture).isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        await task.value
        #expect(try lines(fixture).count == 1)
    }
}

@Suite struct DigestDeliveryTests {
    @Test func aQueuedDigestIsDeliveredLikeAnAlert() async throws {
        let fixture = try AlertFixture()
        var channel = ChannelSettings(name: "log", kind: .jsonl)
        channel.path = fixture.path("alerts.jsonl")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let message = DigestMessage(subject: "vigil weekly digest", text: "2 findings this week", html: "<p>2 findings this week</p>")
        let draft = message.draft(channel: "log", idempotencyKey: "digest:all:1-2:log")
        _ = try fixture.store.recordDigestForTest(draft: draft, now: now)
        let report = await AlertDispatcher(store: fixture.store, channels: [channel]).runOnce(now: now)
        #expect(report.delivered == 1)
        let line = try String(contentsOfFile: fixture.path("alerts.jsonl"), encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == "digest")
        #expect(object?["idempotency_key"] as? String == "digest:all:1-2:log")
        #expect((object?["digest"] as? [String: Any])?["subject"] as? String == "vigil weekly digest")
    }
}

@Suite struct HeldAlertsTests {
    static let unhurried = DispatcherPolicyTests.unhurried
    @Test func anAlertHeldPastItsMaxAgeByQuietHoursStillGoesOut() async throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let evening = utc.date(from: DateComponents(year: 2027, month: 3, day: 1, hour: 22, minute: 30))!
        let morning = utc.date(from: DateComponents(year: 2027, month: 3, day: 2, hour: 7, minute: 0))!
        let fixture = try AlertFixture()
        var channel = ChannelSettings(name: "log", kind: .jsonl)
        channel.path = fixture.path("alerts.jsonl")
        channel.quietHours = "22:00-07:00"
        channel.maxAgeSeconds = 3600
        try fixture.addFinding(router: AlertRouter(channels: [channel]), now: evening)
        let dispatcher = AlertDispatcher(store: fixture.store, channels: [channel], passTimeLimit: Self.unhurried, calendar: utc)
        #expect(await dispatcher.runOnce(now: evening).held == 1)
        let report = await dispatcher.runOnce(now: morning)
        #expect(report.delivered == 1 && report.failed == 0)
    }
}
