import Foundation
import Testing
@testable import VigilAlerts
import VigilStore

/// Each chat service's payload shape, received by a real HTTP server, with a
/// hostile feed trying to inject markup, mentions and terminal escapes.
@Suite struct ChannelPayloadTests {
    static let hostileTitle = "<script>alert(1)</script> @everyone <!channel> \u{1b}[31mred\u{1b}[0m **bold** Maintainer's shame"

    func envelope(channel: String) -> AlertEnvelope {
        let finding = FindingAlert(
            findingID: 42, idempotencyKey: "finding-42-\(channel)-high", person: "Ada Lovelace", teams: ["core"], severity: .high, kind: .attack,
            title: Self.hostileTitle, link: "https://blog.example.org/post?a=1&b=2", author: "agent-9",
            publishedAt: Date(timeIntervalSince1970: 1_800_000_000), detectedAt: Date(timeIntervalSince1970: 1_800_000_100),
            feed: .init(url: "https://blog.example.org/feed.xml", title: "Example <blog>"),
            attack: 0.9, hostility: 0.91, agent: 0.87, agentReason: "very likely written by an autonomous agent (87%)",
            evidence: [.init(kind: "hostile", score: 0.93, text: "She is protecting her fiefdom. <img src=x onerror=alert(1)>")])
        return AlertEnvelope(kind: .alert, channel: channel, idempotencyKey: finding.idempotencyKey, findings: [finding])
    }

    @Test func slack() async throws {
        let receiver = try await HTTPReceiver.start()
        try await SlackSender(url: receiver.url("/services/T000/B000/XXXX")).send(envelope(channel: "slack"))
        let request = try #require(try await receiver.requests().first)
        #expect(request.path == "/services/T000/B000/XXXX")
        let body = request.json
        #expect((body["text"] as? String)?.contains("HIGH attack: Ada Lovelace") == true)
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        #expect(blocks.first?["type"] as? String == "header")
        let section = try #require((blocks[1]["text"] as? [String: Any])?["text"] as? String)
        #expect(section.contains("&lt;!channel&gt;"))
        #expect(!section.contains("<!channel>"))
        #expect(section.contains("<https://blog.example.org/post?a=1&amp;b=2|"))
        #expect(section.contains("`vigil findings ack 42`"))
        #expect(!request.body.contains("\u{1b}"))
        #expect(request.header("Idempotency-Key") == "finding-42-slack-high")
    }

    @Test func discord() async throws {
        let receiver = try await HTTPReceiver.start()
        try await DiscordSender(url: receiver.url("/api/webhooks/1/abc")).send(envelope(channel: "discord"))
        let body = try #require(try await receiver.requests().first).json
        #expect((body["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        let embed = try #require((body["embeds"] as? [[String: Any]])?.first)
        #expect((embed["title"] as? String)?.contains("\\*\\*bold\\*\\*") == true)
        #expect(embed["url"] as? String == "https://blog.example.org/post?a=1&b=2")
        #expect(embed["color"] as? Int == 0xC0392B)
        let fields = try #require(embed["fields"] as? [[String: Any]])
        #expect(fields.contains { $0["name"] as? String == "Person" && $0["value"] as? String == "Ada Lovelace" })
        #expect((embed["description"] as? String)?.contains("vigil findings label 42 benign") == true)
    }

    @Test func matrix() async throws {
        let receiver = try await HTTPReceiver.start()
        let sender = MatrixSender(homeserver: receiver.url(""), room: "!room:example.org", token: "syt_token")
        try await sender.send(envelope(channel: "matrix"))
        let request = try #require(try await receiver.requests().first)
        #expect(request.method == "PUT")
        #expect(request.path == "/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/finding-42-matrix-high")
        #expect(request.header("Authorization") == "Bearer syt_token")
        let body = request.json
        #expect(body["msgtype"] as? String == "m.text")
        #expect(body["format"] as? String == "org.matrix.custom.html")
        let html = try #require(body["formatted_body"] as? String)
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect((body["body"] as? String)?.contains("vigil findings ack 42") == true)
    }

    @Test func ntfy() async throws {
        let receiver = try await HTTPReceiver.start()
        try await NtfySender(url: receiver.url("/vigil-alerts"), token: "tk_1").send(envelope(channel: "ntfy"))
        let request = try #require(try await receiver.requests().first)
        #expect(request.header("Priority") == "5")
        #expect(request.header("Authorization") == "Bearer tk_1")
        #expect(request.header("Click") == "https://blog.example.org/post?a=1&b=2")
        #expect(request.header("Title")?.hasPrefix("HIGH attack: Ada Lovelace:") == true)
        #expect(request.header("Title")?.contains("\u{1b}") == false)
        #expect(request.body.contains("Evidence:"))
        #expect(request.body.contains("vigil findings label 42 benign"))
        #expect(!request.body.contains("\u{1b}"))
    }

    @Test func ntfyEncodesANonASCIITitle() async throws {
        let receiver = try await HTTPReceiver.start()
        var alert = envelope(channel: "ntfy")
        alert.findings[0].title = "エイダ・ラブレスへの攻撃"
        alert.person = "エイダ・ラブレス"
        try await NtfySender(url: receiver.url("/t")).send(alert)
        let title = try #require(try await receiver.requests().first?.header("Title"))
        #expect(title.hasPrefix("=?UTF-8?B?"))
    }

    @Test func aLineBreakInAHeaderValueCannotAddAHeader() async throws {
        let receiver = try await HTTPReceiver.start()
        let sender = WebhookSender(url: receiver.url("/hook"), headers: ["X-Note": "a\r\nX-Injected: yes"])
        try await sender.send(.test(channel: "ops"))
        let request = try #require(try await receiver.requests().first)
        #expect(request.header("X-Injected") == nil)
        #expect(request.header("X-Note") == "a X-Injected: yes")
    }

    @Test func testAlertsAreMarkedAsTests() async throws {
        let receiver = try await HTTPReceiver.start()
        let test = AlertEnvelope.test(channel: "ops")
        try await WebhookSender(url: receiver.url("/hook")).send(test)
        let request = try #require(try await receiver.requests().first)
        #expect(request.json["kind"] as? String == "test")
        #expect(request.header("X-Vigil-Event") == "test")
        #expect(request.header("Idempotency-Key")?.hasPrefix("test-ops-") == true)
        #expect(AlertRenderer.render(test).subject.contains("TEST"))
    }
}
