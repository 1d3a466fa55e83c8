import Foundation
import Testing
@testable import VigilAlerts
import VigilStore
import VigilTestSupport

/// Mail through libcurl to aiosmtpd on loopback: STARTTLS, implicit TLS, AUTH.
/// aiosmtpd comes from PyPI (Tests/requirements.txt, which `.ci/run` installs);
/// without it, or without the openssl command, these tests skip and say so.
@Suite(
    .serialized,
    .enabled(if: TestTools.hasSMTPReceiver,
             "the SMTP receiver needs aiosmtpd (pip install -r Tests/requirements.txt) and the openssl command; skipping the e-mail tests"))
struct EmailSenderTests {
    func envelope() -> AlertEnvelope {
        let finding = FindingAlert(
            findingID: 9, idempotencyKey: "finding-9-mail-high", person: "Ada Lovelace", teams: ["core"], severity: .high, kind: .attack,
            title: "<script>steal()</script> The Ada Story", link: "https://blog.example.org/ada", author: "agent-9",
            publishedAt: nil, detectedAt: Date(), feed: .init(url: "https://blog.example.org/feed.xml", title: "Example blog"),
            attack: 0.9, hostility: 0.91, agent: 0.87, agentReason: "very likely written by an autonomous agent (87%)",
            evidence: [.init(kind: "hostile", score: 0.93, text: "\u{1b}[31mShe is protecting her fiefdom.\u{1b}[0m")])
        return AlertEnvelope(kind: .alert, channel: "mail", idempotencyKey: finding.idempotencyKey, findings: [finding])
    }

    @Test func starttlsWithAuthDeliversBothPartsAndTheHeaders() async throws {
        let receiver = try await SMTPReceiver.start(tls: "starttls", user: "vigil", password: "pa55word")
        let sender = EmailSender(
            url: "smtp://127.0.0.1:\(receiver.port)", from: "vigil <alerts@example.org>",
            to: ["Ada <ada@example.org>", "security@example.org"], username: "vigil", password: "pa55word",
            timeoutSeconds: 10, caFile: receiver.certificate)
        try await sender.send(envelope())
        let message = try #require(try receiver.messages().first)
        #expect(message.tls)
        #expect(message.login == "vigil")
        #expect(message.mailFrom == "alerts@example.org")
        #expect(message.recipients == ["ada@example.org", "security@example.org"])
        #expect(message.header("Message-ID") == "<finding-9-mail-high@example.org>")
        #expect(message.header("From") == "vigil <alerts@example.org>")
        #expect(message.header("To") == "Ada <ada@example.org>, security@example.org")
        #expect(message.header("Subject") == "[vigil] HIGH attack: Ada Lovelace: <script>steal()</script> The Ada Story")
        #expect(message.header("Date")?.hasSuffix("+0000") == true)
        #expect(message.header("Content-Type")?.hasPrefix("multipart/alternative") == true)
        #expect(message.parts.map(\.0) == ["text/plain", "text/html"])
        let text = message.parts[0].1, html = message.parts[1].1
        #expect(text.contains("She is protecting her fiefdom."))
        #expect(!text.contains("\u{1b}"))
        #expect(text.contains("vigil findings ack 9"))
        #expect(html.contains("&lt;script&gt;steal()&lt;/script&gt;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<a href=\"https://blog.example.org/ada\">"))
    }

    @Test func implicitTLS() async throws {
        let receiver = try await SMTPReceiver.start(tls: "implicit", user: "vigil", password: "pa55word")
        let sender = EmailSender(
            url: "smtps://127.0.0.1:\(receiver.port)", from: "alerts@example.org", to: ["ada@example.org"],
            username: "vigil", password: "pa55word", timeoutSeconds: 10, caFile: receiver.certificate)
        try await sender.send(envelope())
        let message = try #require(try receiver.messages().first)
        #expect(message.login == "vigil")
        #expect(message.header("Message-ID") == "<finding-9-mail-high@example.org>")
    }

    @Test func aWrongPasswordIsRefused() async throws {
        let receiver = try await SMTPReceiver.start(tls: "starttls", user: "vigil", password: "pa55word")
        let sender = EmailSender(
            url: "smtp://127.0.0.1:\(receiver.port)", from: "alerts@example.org", to: ["ada@example.org"],
            username: "vigil", password: "wrong", timeoutSeconds: 10, caFile: receiver.certificate)
        await #expect(throws: DeliveryError.self) { try await sender.send(envelope()) }
        #expect(try receiver.messages().isEmpty)
    }

    @Test func starttlsIsRequiredUnlessTurnedOff() async throws {
        let receiver = try await SMTPReceiver.start()
        let strict = EmailSender(url: "smtp://127.0.0.1:\(receiver.port)", from: "alerts@example.org", to: ["ada@example.org"], timeoutSeconds: 10)
        await #expect(throws: DeliveryError.self) { try await strict.send(envelope()) }
        #expect(try receiver.messages().isEmpty)

        var relaxed = strict
        relaxed.starttls = false
        try await relaxed.send(envelope())
        #expect(try receiver.messages().count == 1)
    }

    @Test func anUntrustedCertificateIsRefused() async throws {
        let receiver = try await SMTPReceiver.start(tls: "starttls")
        let sender = EmailSender(url: "smtp://127.0.0.1:\(receiver.port)", from: "alerts@example.org", to: ["ada@example.org"], timeoutSeconds: 10)
        await #expect(throws: DeliveryError.self) { try await sender.send(envelope()) }
        #expect(try receiver.messages().isEmpty)
    }
}
