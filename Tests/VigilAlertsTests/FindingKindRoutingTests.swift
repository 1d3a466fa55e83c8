import Foundation
import Testing
@testable import VigilAlerts
import VigilStore

/// A channel hears only about the finding kinds it lists (attacks unless it
/// says otherwise), and every message says which kind a finding is.
@Suite struct FindingKindRoutingTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    func channel(_ name: String, kinds: [FindingKind]? = nil) -> ChannelSettings {
        var channel = ChannelSettings(name: name, kind: .console)
        channel.minSeverity = "low"
        if let kinds { channel.kinds = kinds }
        return channel
    }

    @Test func coverageGoesOnlyToAChannelThatAsksForIt() throws {
        let fixture = try AlertFixture()
        let router = AlertRouter(channels: [channel("default"), channel("news", kinds: [.attack, .coverage])])
        #expect(router.channels.first?.kinds == [.attack])

        let coverage = try fixture.addFinding(severity: .low, kind: .coverage, title: "An agent attacked Ada", router: router, now: Self.now)
        #expect(coverage.alertsQueued == 1)
        let queued = try fixture.store.dueAlerts(now: Self.now)
        #expect(queued.map(\.channel) == ["news"])
        let row = try #require(queued.first)
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(row.payload.utf8)) as? [String: Any])
        #expect(payload["kind"] as? String == "coverage")

        let attack = try fixture.addFinding(severity: .low, kind: .attack, router: router, now: Self.now.addingTimeInterval(1))
        #expect(attack.alertsQueued == 2)
        let mention = try fixture.addFinding(severity: .low, kind: .mention, router: router, now: Self.now.addingTimeInterval(2))
        #expect(mention.alertsQueued == 0)
        // Kinds and min_severity both apply: coverage below the channel's minimum stays quiet.
        var strict = channel("strict", kinds: [.coverage])
        strict.minSeverity = "medium"
        #expect(AlertRouter(channels: [strict]).channels(person: "Ada Lovelace", teams: [], severity: .low, kind: .coverage).isEmpty)
    }

    @Test func messagesSayTheKind() throws {
        let finding = FindingAlert(
            findingID: 5, idempotencyKey: "finding-5-news-low", person: "Ada Lovelace", teams: [], severity: .low, kind: .coverage,
            title: "An agent attacked Ada", link: "https://news.example/1", detectedAt: Self.now,
            feed: .init(url: "https://news.example/feed", title: "News"), attack: 0.3, hostility: 0.4, agent: 0.1,
            agentReason: "probably written by a person (10%)", evidence: [])
        let envelope = AlertEnvelope(kind: .alert, channel: "news", idempotencyKey: finding.idempotencyKey, findings: [finding])
        let message = AlertRenderer.render(envelope)
        #expect(message.subject == "[vigil] LOW coverage: Ada Lovelace: An agent attacked Ada")
        #expect(message.text.contains("Kind:     coverage"))
        #expect(message.html.contains("<th align=\"left\">Kind</th><td>coverage</td>"))
        let body = try #require(try JSONSerialization.jsonObject(with: Data(envelope.jsonBody())) as? [String: Any])
        #expect((body["findings"] as? [[String: Any]])?.first?["kind"] as? String == "coverage")
        #expect((SlackSender.describe(finding)).contains("*Kind:* coverage"))
        let fields = DiscordSender.embed(finding)["fields"] as? [[String: Any]]
        #expect(fields?.contains { $0["name"] as? String == "Kind" && $0["value"] as? String == "coverage" } == true)

        var attack = finding
        attack.kind = .attack
        let grouped = AlertEnvelope(kind: .alert, channel: "news", idempotencyKey: "group-x", findings: [attack, attack])
        #expect(AlertRenderer.subject(grouped) == "[vigil] LOW: 2 attack findings about Ada Lovelace")
        let mixed = AlertEnvelope(kind: .alert, channel: "news", idempotencyKey: "group-y", findings: [attack, finding])
        #expect(AlertRenderer.subject(mixed) == "[vigil] LOW: 2 findings about Ada Lovelace")
    }

    @Test func aPayloadQueuedBeforeKindsExistedStillReads() throws {
        let finding = FindingAlert(
            findingID: 5, idempotencyKey: "k", person: "Ada Lovelace", teams: [], severity: .high, kind: .attack,
            title: nil, link: nil, detectedAt: Self.now, feed: .init(url: "https://news.example/feed", title: nil),
            attack: 0.9, hostility: 0.9, agent: 0.1, agentReason: "r", evidence: [])
        var object = try #require(try JSONSerialization.jsonObject(with: Data(AlertJSON.string(finding).utf8)) as? [String: Any])
        object.removeValue(forKey: "kind")
        let old = try JSONSerialization.data(withJSONObject: object)
        #expect(try AlertJSON.decoder.decode(FindingAlert.self, from: old).kind == .attack)
        object["severity"] = "low"
        let oldLow = try JSONSerialization.data(withJSONObject: object)
        #expect(try AlertJSON.decoder.decode(FindingAlert.self, from: oldLow).kind == .mention)
        #expect(try AlertJSON.decoder.decode(FindingAlert.self, from: Data(AlertJSON.string(finding).utf8)) == finding)
    }
}
