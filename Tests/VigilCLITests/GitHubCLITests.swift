import Foundation
import Testing

/// `vigil github add | ls | rm`, and the config's `[[github]]` beside them.
@Suite(.serialized) struct GitHubCLITests {
    @Test func addListRemove() throws {
        let cli = try CLI()
        try cli.writeWatchConfig(feeds: [], extra: """
            [[github]]
            repo = "config/declared"
            token_env = "GITHUB_TOKEN"
            """)
        var result = try cli.vigil("github", "add", "matplotlib/matplotlib")
        #expect(result.status == 0 && result.stdout == "watching matplotlib/matplotlib\n")
        result = try cli.vigil("github", "add", "octo/repo", "--api-url", "https://ghe.example.com/api/v3")
        #expect(result.stdout == "watching octo/repo at https://ghe.example.com/api/v3\n")

        result = try cli.vigil("github", "add", "not-a-repo")
        #expect(result.status == 2)
        #expect(result.stderr == "vigil: 'not-a-repo' is not a GitHub repository: write it as OWNER/NAME\n")
        result = try cli.vigil("github", "add", "MATPLOTLIB/matplotlib")
        #expect(result.status == 2 && result.stderr.contains("already watched"))

        result = try cli.vigil("github", "ls", "--json")
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["repo"] as? String } == ["config/declared", "matplotlib/matplotlib", "octo/repo"])
        #expect(rows.map { $0["source"] as? String } == ["config", "cli", "cli"])
        #expect(rows.first?["token"] as? String == "env:GITHUB_TOKEN")

        result = try cli.vigil("github", "rm", "config/declared")
        #expect(result.status == 2 && result.stderr.contains("declared in the config file"))
        result = try cli.vigil("github", "rm", "matplotlib/matplotlib")
        #expect(result.status == 0 && result.stdout == "removed matplotlib/matplotlib\n")
        result = try cli.vigil("github", "ls")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("matplotlib/matplotlib") && result.stdout.contains("octo/repo"))
    }
}
