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
        #expect(text.stdout.contains("1. [HIGH] Ada Lovelace: Gatekeeping <script>alert(1)</script>[2J]0;owned story"))
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
        #expect(send.status == 1)
        #expect(send.stderr.contains("not built yet"))
        #expect(send.stdout.isEmpty)
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
