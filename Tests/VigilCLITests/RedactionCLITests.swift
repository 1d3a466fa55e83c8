import Foundation
import Testing
import VigilTestSupport

/// A private feed's credentials (a password in the userinfo, a token in the
/// query) stay in the database, which must fetch with them, and appear in
/// nothing vigil sends or prints: alerts of every kind, CLI output in every
/// format, the digest and the logs.
@Suite(.serialized) struct RedactionCLITests {
    static let secrets = ["ada-user", "pw-Hunter2x", "Zq81SECRETvalue", "Fail9SECRET"]

    @Test func aPrivateFeedsCredentialsReachNoOutputPayloadDigestOrLog() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let blog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("feeds/samples/patchwright-agent-blog.json"), encoding: .utf8)
        let server = try FetchTestServer(routes: [
            ["path": "/ada.private.json", "body": blog],
            ["path": "/down.private.atom", "status": 500, "body": "down"],
            ["path": "/hook", "status": 200, "body": "ok"],
        ])
        defer { server.stop() }
        let port = server.port
        let privateFeed = "http://ada-user:pw-Hunter2x@127.0.0.1:\(port)/ada.private.json?token=Zq81SECRETvalue&format=json"
        let failingFeed = "http://ada-user:pw-Hunter2x@127.0.0.1:\(port)/down.private.atom?access_token=Fail9SECRET"
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            [[people]]
            name = "Julian Marsh"
            projects = ["ferrule"]
            [[feeds]]
            url = "\(privateFeed)"
            [[feeds]]
            url = "\(failingFeed)"
            [[channels]]
            name = "screen"
            kind = "console"
            min_severity = "low"
            [[channels]]
            name = "file"
            kind = "jsonl"
            path = "alerts.jsonl"
            min_severity = "low"
            [[channels]]
            name = "hook"
            kind = "webhook"
            url = "\(server.url("/hook"))"
            min_severity = "low"

            """)
        let poll = try cli.vigil("poll", "--once", "--verbose")
        #expect(poll.stdout.contains("polled 2 feeds"), "\(poll.stdout)\(poll.stderr)")
        #expect(poll.stderr.contains("feed failed"), "\(poll.stderr)")

        // The poll really fetched with the credentials, and alerts really went out.
        let requests = try server.requests()
        let feedRequest = try #require(requests.first { $0.path == "/ada.private.json" })
        #expect(feedRequest.target.contains("token=Zq81SECRETvalue"))
        #expect(feedRequest.header("Authorization") == "Basic " + Data("ada-user:pw-Hunter2x".utf8).base64EncodedString())
        let hooks = requests.filter { $0.path == "/hook" }
        #expect(!hooks.isEmpty)
        let jsonl = try String(contentsOf: cli.folder.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
        #expect(jsonl.contains("ada.private.json?token=***"), "\(jsonl)")
        #expect(poll.stdout.contains("Source:"), "the console channel printed no alert: \(poll.stdout)")

        // The database keeps the real URLs: it must fetch them.
        #expect(try cli.sqlite("SELECT url FROM feeds ORDER BY id").contains("Zq81SECRETvalue"))

        let findingID = try cli.sqlite("SELECT id FROM findings ORDER BY id LIMIT 1")
        try #require(!findingID.isEmpty)
        var outputs: [(String, String)] = [
            ("poll stdout (console channel)", poll.stdout), ("poll log", poll.stderr), ("jsonl channel", jsonl),
        ]
        for (index, hook) in hooks.enumerated() { outputs.append(("webhook body \(index)", hook.body)) }
        let commands: [[String]] = [
            ["findings", "ls"], ["findings", "ls", "--json"], ["findings", "show", findingID],
            ["findings", "show", findingID, "--json"], ["findings", "export"], ["findings", "export", "--with-text"],
            ["status"], ["status", "--json"], ["feeds", "ls"], ["doctor"],
            ["digest", "--since", "7d", "--format", "text"], ["digest", "--since", "7d", "--format", "json"],
            ["digest", "--since", "7d", "--format", "html"], ["digest", "--since", "7d", "--format", "markdown"],
        ]
        for arguments in commands {
            let result = try cli.run(["--config", cli.configPath] + arguments)
            outputs.append((arguments.joined(separator: " "), result.stdout + result.stderr))
        }
        let statusJSON = try #require(outputs.first { $0.0 == "status --json" }?.1)
        #expect(statusJSON.contains("access_token=***"), "\(statusJSON)")
        #expect(statusJSON.contains("HTTP 500"), "the failing feed's last error is missing: \(statusJSON)")
        let listing = try #require(outputs.first { $0.0 == "findings ls --json" }?.1)
        #expect(listing.contains("http://***@127.0.0.1:\(port)/ada.private.json?token=***&format=json"), "\(listing)")
        for (name, text) in outputs {
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(secret) leaked into \(name): \(text.prefix(2000))")
            }
        }
    }

    @Test func errorLinesNameAFeedWithoutItsCredentials() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", "database = \"vigil.db\"\n")
        let url = "https://ada-user:pw-Hunter2x@example.org/private.atom?token=Zq81SECRETvalue"
        let added = try cli.vigil("feeds", "add", url)
        #expect(added.status == 0)
        #expect(added.stdout.hasPrefix("added feed https://***@example.org/private.atom?token=***"), "\(added.stdout)")
        let again = try cli.vigil("feeds", "add", url)
        #expect(again.status == 2)
        #expect(again.stderr == "vigil: feed already added: https://***@example.org/private.atom?token=***\n", "\(again.stderr)")
    }

    @Test func jsonLogsAreRedactedToo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [["path": "/private.atom", "status": 503, "body": "busy"]])
        defer { server.stop() }
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            [log]
            format = "json"
            [[people]]
            name = "Julian Marsh"
            [[feeds]]
            url = "http://ada-user:pw-Hunter2x@127.0.0.1:\(server.port)/private.atom?token=Zq81SECRETvalue"

            """)
        let poll = try cli.vigil("poll", "--once", "--verbose")
        #expect(poll.stderr.contains(#""message":"feed failed""#), "\(poll.stderr)")
        #expect(poll.stderr.contains("token=***"), "\(poll.stderr)")
        for secret in Self.secrets {
            #expect(!poll.stderr.contains(secret), "\(poll.stderr)")
            #expect(!poll.stdout.contains(secret), "\(poll.stdout)")
        }
    }
}
