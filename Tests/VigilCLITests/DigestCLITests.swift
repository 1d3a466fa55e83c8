import Foundation
import Testing
import VigilStore

/// `vigil digest` from the command line, in every format and with bad input.
@Suite(.serialized) struct DigestCLITests {
    @Test func printsTheDigestInEveryFormat() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try FindingsCLITests.seeded(cli)
        let text = try cli.vigil("digest")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("vigil digest: all watched people\n"))
        #expect(text.stdout.contains("Hostile        2  high 1 · medium 1 · low 0"))
        // Escape sequences go whole (the window-title one with its text), so nothing of them reaches the terminal.
        #expect(text.stdout.contains("1. [HIGH attack] Ada Lovelace: Gatekeeping <script>alert(1)</script> story"))
        #expect(!text.stdout.contains("\u{1B}"))
        let html = try cli.vigil("digest", "--format", "html", "--team", "core")
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("team core"))
        #expect(!html.stdout.contains("<script>"))
        #expect(!html.stdout.contains("Grace Hopper"))
        let markdown = try cli.vigil("digest", "--format", "markdown", "--person", "grace hopper", "--since", "1d")
        #expect(markdown.stdout.hasPrefix("# vigil digest: Grace Hopper\n"))
        let json = try cli.vigil("digest", "--format", "json", "--since", "2w")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["totals"] as? [String: Any])?["mentions"] as? Int == 3)
        #expect((object["history"] as? [Any])?.count == 8)
    }

    @Test func badInputIsExitTwoAndSendIsNotBuiltYet() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try FindingsCLITests.seeded(cli)
        for arguments in [
            ["digest", "--since", "lately"], ["digest", "--since", "0d"], ["digest", "--format", "pdf"],
            ["digest", "--person", "Ada Lovelace", "--team", "core"], ["digest", "--team", "nobody"],
            ["digest", "--person", "Nobody"],
        ] {
            let result = try cli.run(["--config", cli.configPath] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        let send = try cli.vigil("digest", "--send", "ops")
        #expect(send.status == 2)
        #expect(send.stderr.contains("no channel named 'ops'"))
        #expect(send.stdout.isEmpty)
    }

    /// Appends channels to the config `vigil init` wrote.
    static func addChannels(_ cli: CLI) throws {
        let config = try String(contentsOf: URL(fileURLWithPath: cli.configPath), encoding: .utf8)
        try Data((config + """

            [[channels]]
            name = "log"
            kind = "jsonl"
            path = "digests.jsonl"

            [[channels]]
            name = "down"
            kind = "exec"
            command = ["sh", "-c", "cat > /dev/null; echo 'relay down' >&2; exit 75"]
            """).utf8).write(to: URL(fileURLWithPath: cli.configPath))
    }

    @Test func sendDeliversThroughAChannelAndRecordsIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try FindingsCLITests.seeded(cli)
        try Self.addChannels(cli)
        let sent = try cli.vigil("digest", "--send", "log", "--team", "core", "--format", "markdown")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.hasPrefix("sent the digest through 'log' (jsonl); idempotency key digest-team.3Acore-"))
        let line = try String(contentsOf: cli.folder.appendingPathComponent("digests.jsonl"), encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "digest")
        let digest = try #require(object["digest"] as? [String: Any])
        #expect((digest["subject"] as? String)?.hasPrefix("vigil digest: team core, ") == true)
        #expect((digest["subject"] as? String)?.hasSuffix(": 1 hostile (1 high)") == true)
        #expect((digest["text"] as? String)?.hasPrefix("# vigil digest: team core") == true)
        #expect((digest["html"] as? String)?.hasPrefix("<!DOCTYPE html>") == true)
        let store = try Store.open(at: cli.folder.appendingPathComponent("vigil.db").path)
        let recorded = try #require(try store.lastRecordedDigest(scope: .team("core")))
        #expect(recorded.format == "markdown")
        let outbox = try store.digestOutbox(digestID: recorded.id!)
        #expect(outbox.count == 1 && outbox.first?.deliveredAt != nil)
    }

    @Test func aFailedSendStaysQueuedForRetry() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try FindingsCLITests.seeded(cli)
        try Self.addChannels(cli)
        let failed = try cli.vigil("digest", "--send", "down")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("sending the digest through 'down' failed"))
        #expect(failed.stderr.contains("relay down"))
        #expect(failed.stderr.split(separator: "\n").count == 1)
        let store = try Store.open(at: cli.folder.appendingPathComponent("vigil.db").path)
        let recorded = try #require(try store.lastRecordedDigest(scope: .all))
        let row = try #require(try store.digestOutbox(digestID: recorded.id!).first)
        #expect(row.deliveredAt == nil)
        // Either queued for a retry (a transient failure) or given up on (a permanent one), never silently lost.
        #expect(row.attempts == 1 || row.failedAt != nil)
        #expect(row.lastError?.contains("relay down") == true)
    }

    @Test func anEmptyDatabaseGivesAnEmptyDigest() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.run(["init", "--dir", "."])
        let text = try cli.vigil("digest")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("No hostile findings in this period."))
        #expect(text.stdout.contains("No mentions of anyone in this period or the one before."))
    }
}
