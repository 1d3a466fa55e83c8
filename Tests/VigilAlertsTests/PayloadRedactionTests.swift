import Foundation
import Synchronization
import Testing
@testable import VigilAlerts
import VigilStore

/// A private feed's credentials reach no channel: an alert queued with the
/// whole feed URL (as older vigils queued them) is read back and sent through
/// every kind of sender, each received for real, and none carries the secret.
@Suite struct PayloadRedactionTests {
    static let secrets = ["ada-user", "pw-Hunter2x", "Zq81SECRETvalue"]

    /// The outbox payload of an untitled private feed's finding, written before redaction.
    func queuedEnvelope(channel: String) throws -> AlertEnvelope {
        let finding = FindingAlert(
            findingID: 7, idempotencyKey: "finding-7-\(channel)-high", person: "Ada Lovelace", teams: [], severity: .high,
            kind: .attack, title: "Gatekeeping", link: "https://blog.example.org/post", detectedAt: Date(timeIntervalSince1970: 1_800_000_000),
            feed: .init(url: "https://example.org/f", title: nil), attack: 0.9, hostility: 0.9, agent: 0.8,
            agentReason: "likely an agent", evidence: [])
        var json = String(decoding: try AlertJSON.encoder.encode(finding), as: UTF8.self)
        json = json.replacingOccurrences(
            of: #""url":"https:\/\/example.org\/f""#,
            with: #""url":"https:\/\/ada-user:pw-Hunter2x@example.org\/private.atom?token=Zq81SECRETvalue""#)
        json = json.replacingOccurrences(
            of: #""url":"https://example.org/f""#,
            with: #""url":"https://ada-user:pw-Hunter2x@example.org/private.atom?token=Zq81SECRETvalue""#)
        #expect(json.contains("Zq81SECRETvalue"), "the fixture did not plant the secret: \(json)")
        let decoded = try AlertJSON.decoder.decode(FindingAlert.self, from: Data(json.utf8))
        return AlertEnvelope(kind: .alert, channel: channel, idempotencyKey: decoded.idempotencyKey, findings: [decoded])
    }

    func expectNoSecret(_ text: String, _ what: String) {
        for secret in Self.secrets {
            #expect(!text.contains(secret), "\(secret) reached \(what): \(text)")
        }
    }

    @Test func theQueuedFeedURLIsRedactedWhenReadBack() throws {
        let envelope = try queuedEnvelope(channel: "any")
        #expect(envelope.findings[0].feed.url == "https://***@example.org/private.atom?token=***")
        expectNoSecret(String(decoding: envelope.jsonBody(), as: UTF8.self), "the JSON body")
        let rendered = AlertRenderer.render(envelope)
        expectNoSecret(rendered.text, "the plain text (console, ntfy, e-mail, Matrix)")
        expectNoSecret(rendered.html, "the HTML (e-mail, Matrix)")
        #expect(rendered.text.contains("https://***@example.org/private.atom?token=***"))
    }

    @Test func noHTTPChannelReceivesTheSecret() async throws {
        let receiver = try await HTTPReceiver.start()
        try await WebhookSender(url: receiver.url("/hook")).send(try queuedEnvelope(channel: "webhook"))
        try await SlackSender(url: receiver.url("/slack")).send(try queuedEnvelope(channel: "slack"))
        try await DiscordSender(url: receiver.url("/discord")).send(try queuedEnvelope(channel: "discord"))
        try await MatrixSender(homeserver: receiver.url(""), room: "!r:example.org", token: "t").send(try queuedEnvelope(channel: "matrix"))
        try await NtfySender(url: receiver.url("/ntfy")).send(try queuedEnvelope(channel: "ntfy"))
        let requests = try await receiver.requests()
        #expect(requests.count == 5)
        for request in requests {
            expectNoSecret(request.body + request.headers.map { "\($0.0): \($0.1)" }.joined(separator: "\n"), request.path)
        }
        #expect(requests.contains { $0.body.contains("example.org/private.atom?token=***") })
    }

    @Test func consoleJSONLinesAndExecReceiveNoSecret() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-redaction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = Mutex("")
        try await ConsoleSender(write: { text in printed.withLock { $0 += text } }).send(try queuedEnvelope(channel: "console"))
        let jsonl = folder.appendingPathComponent("alerts.jsonl").path
        try await JSONLinesSender(path: jsonl).send(try queuedEnvelope(channel: "jsonl"))
        let captured = folder.appendingPathComponent("exec.txt").path
        try await ExecSender(command: ["sh", "-c", "env > \"$0\"; cat >> \"$0\"", captured], environment: ["PATH": "/usr/bin:/bin"])
            .send(try queuedEnvelope(channel: "exec"))
        let console = printed.withLock { $0 }
        #expect(console.contains("token=***"))
        expectNoSecret(console, "the console")
        expectNoSecret(try String(contentsOfFile: jsonl, encoding: .utf8), "the JSON Lines file")
        let exec = try String(contentsOfFile: captured, encoding: .utf8)
        #expect(exec.contains("VIGIL_IDEMPOTENCY_KEY=finding-7-exec-high"))
        expectNoSecret(exec, "the exec command's environment and stdin")
    }
}
