import Foundation
import Testing
import VigilTestSupport

/// The GitHub trail as a user meets it: `poll --once` reads the repository
/// and follows the link, then `feeds ls`, `findings ls --json`, `findings
/// show` and `github ls` say what happened; the token is sent to the API and
/// shown nowhere.
@Suite(.serialized) struct DiscoveryCLITests {
    static let token = "ghp_trailTestSecret0123456789abcdef"

    static func setUp(tokenEnv: Bool) throws -> (CLI, FetchTestServer, GitHubTrailWorld) {
        let cli = try CLI()
        let server = try FetchTestServer(routes: [])
        let world = try GitHubTrailWorld(server: server)
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            allow_private_addresses = true
            [[people]]
            name = "\(GitHubTrailWorld.maintainer.name)"
            handles = ["\(GitHubTrailWorld.maintainer.handle)"]
            [[github]]
            repo = "\(GitHubTrailWorld.repo)"
            api_url = "\(world.apiURL)"
            \(tokenEnv ? "token_env = \"VIGIL_TRAIL_TOKEN\"" : "")
            """)
        return (cli, server, world)
    }

    @Test func pollFindsTheAttackAndTheCommandsSayHow() throws {
        let (cli, server, world) = try Self.setUp(tokenEnv: true)
        defer { server.stop(); cli.remove() }
        let poll = try cli.run(["--config", cli.configPath, "poll", "--once"], environment: ["VIGIL_TRAIL_TOKEN": Self.token])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(!poll.stdout.contains(Self.token) && !poll.stderr.contains(Self.token))
        #expect(!poll.stderr.contains("no GitHub token"))
        let requests = try server.requests()
        let api = requests.filter { $0.path.hasPrefix(GitHubTrailWorld.apiPath) }
        #expect(api.count == 3 && api.allSatisfy { $0.header("Authorization") == "Bearer \(Self.token)" })
        #expect(requests.filter { !$0.path.hasPrefix(GitHubTrailWorld.apiPath) }.allSatisfy { $0.header("Authorization") == nil })

        var result = try cli.vigil("feeds", "ls")
        #expect(result.status == 0)
        #expect(result.stdout.contains(world.feedURL))
        #expect(result.stdout.contains("Added by vigil"))
        #expect(result.stdout.contains("linked by @cinder-agent on GitHub"))
        result = try cli.vigil("feeds", "ls", "--json")
        let feeds = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(feeds.count == 1)
        #expect(feeds.first?["source"] as? String == "followed")
        #expect(feeds.first?["followed_account"] as? String == "cinder-agent")
        #expect(feeds.first?["tags"] as? [String] == ["followed"])

        result = try cli.vigil("findings", "ls", "--json")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let attack = try #require(findings.first { $0["url"] as? String == world.pageURL })
        #expect(attack["kind"] as? String == "attack")
        let related = try #require(attack["related"] as? [[String: Any]])
        #expect(related.first?["kind"] as? String == "closed_pull_request")
        #expect(related.first?["url"] as? String == world.pullURL)
        #expect(related.first?["title"] as? String == "Rewrite the tokenizer loop")
        #expect(related.first?["at"] as? String != nil)
        #expect(feeds.first?["followed_finding_id"] as? Int == attack["id"] as? Int)

        let id = try #require(attack["id"] as? Int)
        result = try cli.vigil("findings", "show", String(id))
        #expect(result.stdout.contains("closed its pull request #42 in lanternfish/lanternfish"))
        #expect(result.stdout.contains(world.pullURL))
        result = try cli.vigil("findings", "show", String(id), "--json")
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((shown["related"] as? [[String: Any]])?.first?["kind"] as? String == "closed_pull_request")

        result = try cli.vigil("digest")
        #expect(result.status == 0)
        #expect(result.stdout.contains("@ibrandvold closed its pull request #42 in lanternfish/lanternfish"))

        result = try cli.vigil("github", "ls", "--json")
        let repositories = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(repositories.first?["last_polled_at"] as? String != nil)
        #expect(repositories.first?["last_error"] == nil)
        #expect(!result.stdout.contains(Self.token))

        // A followed feed is removed like any other.
        result = try cli.vigil("feeds", "rm", world.feedURL)
        #expect(result.status == 0)
        result = try cli.vigil("feeds", "ls", "--json")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func withoutATokenThePollWarnsAndStillReads() throws {
        let (cli, server, world) = try Self.setUp(tokenEnv: false)
        defer { server.stop(); cli.remove() }
        let poll = try cli.vigil("poll", "--once")
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stderr.contains("no GitHub token"))
        #expect(try server.requests().filter { $0.path.hasPrefix(GitHubTrailWorld.apiPath) }.allSatisfy { $0.header("Authorization") == nil })
        let result = try cli.vigil("feeds", "ls", "--json")
        #expect(result.stdout.contains(world.feedURL))
    }
}
