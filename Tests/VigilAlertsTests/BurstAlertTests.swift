import Foundation
import Testing
@testable import VigilAlerts
import VigilStore

/// One feed's poll naming a person many times pages a bounded number of
/// times per channel, and every finding is still stored.
@Suite struct BurstAlertTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func jsonl(_ fixture: AlertFixture, name: String = "log") -> ChannelSettings {
        var channel = ChannelSettings(name: name, kind: .jsonl)
        channel.path = fixture.path("\(name).jsonl")
        channel.minSeverity = "low"
        return channel
    }

    func lines(_ fixture: AlertFixture, name: String = "log") throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: fixture.path("\(name).jsonl"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    func queued(_ fixture: AlertFixture, channel: String) throws -> [OutboxRecord] {
        try fixture.store.dueAlerts(channel: channel, now: .distantFuture, limit: 100_000)
    }

    @Test func findingsBeyondTheLimitBecomeOneAlertPerChannel() async throws {
        let fixture = try AlertFixture()
        let log = jsonl(fixture), other = jsonl(fixture, name: "other")
        let router = AlertRouter(channels: [log, other], burstLimit: 5)
        // 2 high among 10 medium and 188 low: the highs must be among those alerted alone.
        var findings = Array(repeating: (person: "Ada Lovelace", severity: Severity.low), count: 188)
        findings.insert(contentsOf: Array(repeating: ("Ada Lovelace", .medium), count: 10), at: 40)
        findings.insert(("Ada Lovelace", .high), at: 150)
        findings.append(("Ada Lovelace", .high))
        let summary = try fixture.addPoll(findings, router: router, now: t0)
        #expect(summary.findingsNew == 200)
        #expect(summary.alertsQueued == 12)

        for channel in ["log", "other"] {
            let rows = try queued(fixture, channel: channel)
            #expect(rows.count == 6)
            let bursts = rows.filter { $0.idempotencyKey.hasPrefix("burst-") }
            try #require(bursts.count == 1)
            let alone = rows.filter { $0.idempotencyKey.hasPrefix("finding-") }
            #expect(alone.filter { $0.idempotencyKey.hasSuffix("-high") }.count == 2)
            #expect(alone.filter { $0.idempotencyKey.hasSuffix("-medium") }.count == 3)
        }

        let report = await AlertDispatcher(store: fixture.store, channels: [log, other], passTimeLimit: .seconds(3600)).runOnce(now: t0)
        #expect(report.messages == 12)
        #expect(report.delivered == 12)
        let sent = try lines(fixture)
        #expect(sent.count == 6)
        let burst = try #require(sent.first { $0["kind"] as? String == "burst" })
        #expect(burst["person"] as? String == "Ada Lovelace")
        #expect(burst["severity"] as? String == "medium")
        #expect((burst["findings"] as? [Any])?.isEmpty == true)
        #expect((burst["idempotency_key"] as? String)?.hasPrefix("burst-") == true)
        let body = try #require(burst["burst"] as? [String: Any])
        #expect(body["type"] as? String == "burst")
        #expect(body["count"] as? Int == 195)
        #expect(body["severity"] as? String == "medium")
        #expect(body["kinds"] as? [String] == ["attack"])
        #expect((body["finding_ids"] as? [Int])?.count == 195)
        #expect((body["feed"] as? [String: Any])?["title"] as? String == "Example blog")
        let listed = try #require(body["findings"] as? [[String: Any]])
        #expect(listed.count == BurstAlert.listedLimit)
        // The most severe first: the 7 mediums not alerted alone, then lows.
        #expect(listed.prefix(7).allSatisfy { $0["severity"] as? String == "medium" })
        #expect(listed[7]["severity"] as? String == "low")
        #expect(listed[0]["link"] as? String != nil && listed[0]["title"] as? String != nil && listed[0]["finding_id"] as? Int != nil)
        #expect((body["actions"] as? [String: Any])?["list"] as? String == "vigil findings ls --person 'Ada Lovelace'")
        // The single alerts keep the payload they always had.
        let single = try #require(sent.first { $0["kind"] as? String == "alert" })
        #expect(single["burst"] == nil)
        #expect((single["findings"] as? [[String: Any]])?.count == 1)
    }

    @Test func eachPersonHasItsOwnLimit() throws {
        let fixture = try AlertFixture(people: [("Ada Lovelace", []), ("Grace Hopper", [])])
        let router = AlertRouter(channels: [jsonl(fixture)], burstLimit: 3)
        let findings = (0..<20).map { (person: $0.isMultiple(of: 2) ? "Ada Lovelace" : "Grace Hopper", severity: Severity.medium) }
        try fixture.addPoll(findings, router: router, now: t0)
        let rows = try queued(fixture, channel: "log")
        #expect(rows.count == 8)
        #expect(rows.filter { $0.idempotencyKey.hasPrefix("burst-") }.count == 2)
    }

    @Test func oneOverTheLimitIsNotABurstAndZeroTurnsGroupingOff() throws {
        let fixture = try AlertFixture()
        let channel = jsonl(fixture)
        try fixture.addPoll(Array(repeating: ("Ada Lovelace", .medium), count: 6), router: AlertRouter(channels: [channel], burstLimit: 5), now: t0)
        try fixture.addPoll(Array(repeating: ("Ada Lovelace", .medium), count: 30), router: AlertRouter(channels: [channel], burstLimit: 0), now: t0)
        let rows = try queued(fixture, channel: "log")
        #expect(rows.count == 36)
        #expect(rows.allSatisfy { $0.idempotencyKey.hasPrefix("finding-") })
    }

    @Test func separatePollsAreSeparateBursts() throws {
        let fixture = try AlertFixture()
        let router = AlertRouter(channels: [jsonl(fixture)])
        #expect(router.burstLimit == 5)
        for poll in 0..<3 {
            try fixture.addPoll(Array(repeating: ("Ada Lovelace", .medium), count: 50), router: router, now: t0.addingTimeInterval(Double(poll) * 900))
        }
        let rows = try queued(fixture, channel: "log")
        #expect(rows.count == 3 * 6)
        #expect(Set(rows.map(\.idempotencyKey)).count == rows.count)
    }

    @Test func aBurstReadsAsOneMessageInEveryForm() throws {
        let members = (1...12).map { (index: Int) -> FindingAlert in
            let severity: Severity = index == 7 ? .high : .medium
            let kind: FindingKind = index == 3 ? .coverage : .attack
            let title = index == 7 ? "<b>worst</b> \u{1b}[2J post" : "post \(index)"
            return FindingAlert(
                findingID: Int64(index), idempotencyKey: "finding-\(index)-ops-medium", person: "Ada Lovelace", teams: ["core"],
                severity: severity, kind: kind, title: title, link: "https://blog.example.org/\(index)",
                detectedAt: Date(timeIntervalSince1970: 1_800_000_000),
                feed: FindingAlert.FeedReference(url: "https://blog.example.org/feed.xml", title: "Example blog"),
                attack: 0.8, hostility: 0.8, agent: 0.2, agentReason: "", evidence: [])
        }
        let envelope = AlertEnvelope(channel: "ops", idempotencyKey: "burst-abc", burst: BurstAlert(members: members))
        #expect(envelope.kind == .burst && envelope.severity == .high && envelope.person == "Ada Lovelace")
        let message = AlertRenderer.render(envelope)
        #expect(message.subject == "[vigil] HIGH: 12 more findings about Ada Lovelace from Example blog")
        #expect(message.text.contains("12 more findings about Ada Lovelace (teams: core)"))
        #expect(message.text.contains("  - [high attack] <b>worst</b>"))
        #expect(message.text.contains("(finding 7)"))
        #expect(message.text.contains("See them all: vigil findings ls --person 'Ada Lovelace'"))
        #expect(!message.text.contains("\u{1b}"))
        #expect(message.html.contains("&lt;b&gt;worst&lt;/b&gt;"))
        #expect(message.html.contains("<a href=\"https://blog.example.org/7\">"))
        // The first listed is the high one, then the others in their order.
        #expect(Array(envelope.burst?.findings.map { $0.findingID }.prefix(3) ?? []) == [7, 1, 2])

        let slack = ChatJSON.encode(SlackSender(url: "https://hooks.example/x").payload(for: envelope))
        #expect(String(decoding: slack, as: UTF8.self).contains("See them all"))
        let discord = DiscordSender(url: "https://discord.example/x").payload(for: envelope)
        #expect((discord["content"] as? String)?.contains("12 more findings") == true)
        #expect(NtfySender.priority(envelope) == 5)
    }
}
