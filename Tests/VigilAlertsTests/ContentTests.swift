import VigilText
import Foundation
import Testing
@testable import VigilAlerts
import VigilStore

@Suite struct ContentTests {
    @Test func terminalEscapesAndControlsAreRemoved() {
        let hostile = "ok\u{1b}[2J\u{1b}]0;pwned\u{07}\u{1b}[31mred\u{1b}[0m\u{0}\u{8}\u{9b}\r\u{202e}txt.exe\ttab\nline"
        #expect(UntrustedText.keepingLines(hostile) == "okredtxt.exe\ttab\nline")
        #expect(UntrustedText.plain("a\n\n b\t c", limit: 300) == "a b c")
        #expect(UntrustedText.plain(String(repeating: "x", count: 50), limit: 10) == "xxxxxxxxx…")
    }

    @Test func htmlIsEscaped() {
        #expect(UntrustedText.html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(UntrustedText.webLink("javascript:alert(1)") == nil)
        #expect(UntrustedText.webLink("https://example.org/a b") == nil)
        #expect(UntrustedText.webLink("https://example.org/a") == "https://example.org/a")
    }

    @Test func renderedMessageHasEverythingAndNoMarkupFromTheFeed() {
        let finding = FindingAlert(
            findingID: 7, idempotencyKey: "finding-7-mail-high", person: "Ada <b>Lovelace</b>", teams: ["core"], severity: .high, kind: .attack,
            previousSeverity: .medium, title: "</td><script>x()</script>", link: "javascript:alert(1)", author: nil,
            publishedAt: nil, detectedAt: Date(), feed: .init(url: "https://blog.example.org/feed.xml", title: "Blog"),
            attack: 0.9, hostility: 0.8, agent: 0.2, agentReason: "probably written by a person (20%)",
            evidence: [.init(kind: "hostile", score: 0.9, text: "\u{1b}[31mYou are a fraud\u{1b}[0m <i>")])
        let message = AlertRenderer.render(AlertEnvelope(kind: .alert, channel: "mail", idempotencyKey: finding.idempotencyKey, findings: [finding]))
        #expect(message.subject == "[vigil] HIGH attack: Ada <b>Lovelace</b>: </td><script>x()</script>")
        #expect(message.text.contains("Severity: high (attack 0.90, hostility 0.80), raised from medium"))
        #expect(message.text.contains("\"You are a fraud <i>\" (hostile, 0.90)"))
        #expect(message.text.contains("vigil findings ack 7"))
        #expect(message.text.contains("vigil findings label 7 benign"))
        #expect(message.text.contains("probably written by a person"))
        #expect(!message.text.contains("\u{1b}"))
        #expect(!message.html.contains("<script>"))
        #expect(!message.html.contains("<b>"))
        #expect(!message.html.contains("<i>"))
        #expect(!message.html.contains("href=\"javascript:"))
        #expect(message.html.contains("&lt;/td&gt;&lt;script&gt;"))
    }

    @Test func agentReasonNamesTheStrongestSentence() {
        let reason = AgentReason.describe(agent: 0.91, evidence: [
            Evidence(kind: .agent, start: 0, end: 5, score: 0.6, text: "weak"),
            Evidence(kind: .agent, start: 0, end: 5, score: 0.95, text: "As an AI agent I filed this."),
            Evidence(kind: .hostile, start: 0, end: 5, score: 0.99, text: "hostile"),
        ])
        #expect(reason.hasPrefix("very likely written by an autonomous agent (91%): 2 sentences read like agent output"))
        #expect(reason.hasSuffix("\"As an AI agent I filed this.\""))
        #expect(AgentReason.describe(agent: 0.1, evidence: []).hasPrefix("probably written by a person (10%)"))
    }

    @Test func quietHoursAcrossMidnight() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let quiet = try #require(QuietHours(parsing: "22:00-07:00"))
        let late = try #require(calendar.date(from: DateComponents(year: 2027, month: 3, day: 1, hour: 23, minute: 30)))
        let early = try #require(calendar.date(from: DateComponents(year: 2027, month: 3, day: 2, hour: 6, minute: 59)))
        let morning = try #require(calendar.date(from: DateComponents(year: 2027, month: 3, day: 2, hour: 7, minute: 0)))
        #expect(quiet.end(ofPeriodContaining: late, calendar: calendar) == morning)
        #expect(quiet.end(ofPeriodContaining: early, calendar: calendar) == morning)
        #expect(quiet.end(ofPeriodContaining: morning, calendar: calendar) == nil)
        #expect(QuietHours(parsing: "9:00-17:00") == nil)
        #expect(QuietHours(parsing: "12:00-12:00") == nil)
        #expect(QuietHours(parsing: "24:00-07:00") == nil)
        #expect(QuietHours(parsing: "12:00-13:30")?.endMinute == 810)
    }

    @Test func routingByPersonTeamAndSeverity() {
        var everyone = ChannelSettings(name: "all", kind: .console)
        everyone.minSeverity = "low"
        var core = ChannelSettings(name: "core-hook", kind: .console)
        core.minSeverity = "medium"
        var ada = ChannelSettings(name: "ada-mail", kind: .console)
        ada.people = ["ada lovelace"]
        ada.minSeverity = "high"
        var infra = ChannelSettings(name: "infra", kind: .console)
        infra.teams = ["infra"]
        let router = AlertRouter(channels: [everyone, core, ada, infra], teamChannels: ["core": ["core-hook"]])

        func names(_ person: String, _ teams: [String], _ severity: Severity) -> [String] {
            router.channels(person: person, teams: teams, severity: severity, kind: .attack).map(\.name)
        }
        #expect(names("Ada Lovelace", ["core"], .high) == ["all", "core-hook", "ada-mail"])
        #expect(names("Ada Lovelace", ["core"], .medium) == ["all", "core-hook"])
        #expect(names("Grace Hopper", [], .high) == ["all"])
        #expect(names("Grace Hopper", ["Infra"], .medium) == ["all", "infra"])
        #expect(names("Grace Hopper", [], .none).isEmpty)
    }

    @Test func mailMessageHeadersAndParts() throws {
        let finding = FindingAlert(
            findingID: 3, idempotencyKey: "finding-3-mail-high", person: "Ada", teams: [], severity: .high, kind: .attack,
            title: "Ünïcode title\r\nBcc: victim@example.org", link: nil, detectedAt: Date(),
            feed: .init(url: "https://e.org/f", title: nil), attack: 0.9, hostility: 0.9, agent: 0.1,
            agentReason: "r", evidence: [])
        let sender = EmailSender(url: "smtp://127.0.0.1:25", from: "vigil <alerts@example.org>", to: ["a@example.org", "b@example.org"])
        let message = sender.message(for: AlertEnvelope(kind: .alert, channel: "mail", idempotencyKey: "finding-3-mail-high", findings: [finding]), date: Date(timeIntervalSince1970: 0))
        let raw = String(decoding: message.rendered(), as: UTF8.self)
        #expect(raw.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        #expect(raw.contains("Message-ID: <finding-3-mail-high@example.org>\r\n"))
        #expect(raw.contains("To: a@example.org, b@example.org\r\n"))
        #expect(raw.contains("Subject: =?UTF-8?B?"))
        #expect(!raw.contains("\r\nBcc:"))
        #expect(raw.contains("Content-Type: multipart/alternative; boundary="))
        #expect(MailMessage.address("vigil <alerts@example.org>") == "alerts@example.org")
    }
}
