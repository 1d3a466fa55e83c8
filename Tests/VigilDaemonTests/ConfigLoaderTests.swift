import Foundation
import Testing
@testable import VigilDaemon

@Suite struct ConfigLoaderTests {
    func parse(_ source: String) throws -> VigilConfig {
        try ConfigLoader.parse(source: source, path: "/etc/vigil/config.toml")
    }

    func failure(_ source: String) -> ConfigError? {
        do {
            _ = try parse(source)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func theInitTemplateParsesToTheDefaults() throws {
        let config = try parse(ConfigTemplate.text)
        #expect(config.databasePath == "/etc/vigil/vigil.db")
        #expect(config.poll.intervalSeconds == 900)
        #expect(config.poll.minIntervalSeconds == 300)
        #expect(config.poll.retentionSeconds == 90 * 86_400)
        #expect(config.channels.map(\.name) == ["console"])
        #expect(config.thresholds == SeverityThresholds())
        #expect(config.alerts == AlertSettings())
    }

    @Test func readsTheDesignExample() throws {
        let config = try parse("""
            database = "vigil.db"
            [poll]
            interval = "15m"
            allow_file_urls = false
            [[people]]
            name = "Ada Lovelace"
            aliases = ["A. Lovelace", "エイダ・ラブレス"]
            handles = ["adalovelace"]
            projects = ["analytical-engine"]
            teams = ["core"]
            [[feeds]]
            url = "https://blog.example.org/feed.xml"
            [[channels]]
            name = "ops"
            kind = "webhook"
            url = "http://127.0.0.1:9000/hook"
            min_severity = "medium"
            secret = "s3cret"
            """)
        #expect(config.people.first?.aliases == ["A. Lovelace", "エイダ・ラブレス"])
        #expect(config.people.first?.teams == ["core"])
        #expect(config.allTeamNames == ["core"])
        #expect(config.feeds.map(\.url) == ["https://blog.example.org/feed.xml"])
        #expect(config.channels.first?.kind == .webhook)
        #expect(config.channels.first?.url == .literal("http://127.0.0.1:9000/hook"))
        #expect(config.channels.first?.secret?.isInline == true)
    }

    @Test func aSyntaxErrorNamesTheLine() {
        let error = failure("""
            database = "vigil.db"
            [poll]
            interval = "15m
            """)
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("/etc/vigil/config.toml:3:") == true)
    }

    @Test func anUnknownKeyNamesTheLineAndKey() {
        let error = failure("""
            [poll]
            interval = "15m"

            [[people]]
            name = "Ada"

            [[people]]
            name = "Grace"
            alias = ["Amazing Grace"]
            """)
        #expect(error?.line == 9)
        #expect(error?.key == "people[1].alias")
    }

    @Test func theDashboardTrustsTheProxiesListedAndRefusesWhatIsNoAddress() throws {
        let config = try parse("""
            [web]
            listen = "127.0.0.1:8080"
            trusted_proxies = ["10.0.0.5", "2001:db8::7"]
            [poll]
            worker_lease = "90s"
            """)
        #expect(config.webTrustedProxies == ["10.0.0.5", "2001:db8::7"])
        #expect(config.poll.workerLeaseSeconds == 90)
        let error = failure("[web]\ntrusted_proxies = [\"proxy.internal\"]\n")
        #expect(error?.description.contains("proxy.internal is not an IP address") == true, "\(String(describing: error))")
    }

    @Test func aBadDurationNamesTheKey() {
        let error = failure("""
            [poll]
            interval = "soon"
            """)
        #expect(error?.line == 2)
        #expect(error?.key == "poll.interval")
    }

    @Test func aWrongTypeNamesTheKey() {
        let error = failure("""
            [[people]]
            name = "Ada"
            teams = [1, 2]
            """)
        #expect(error?.key == "people[0].teams")
        #expect(error?.line == 3)
    }

    @Test func aChannelWithoutItsURLIsAnError() {
        let error = failure("""
            [[channels]]
            name = "ops"
            kind = "slack"
            """)
        #expect(error?.key == "channels[0].url")
    }

    @Test func aTeamRoutedToAMissingChannelIsAnError() {
        let error = failure("""
            [[teams]]
            name = "core"
            channels = ["nowhere"]
            """)
        #expect(error?.key == "teams[0].channels")
    }

    @Test func duplicatePeopleAreAnError() {
        let error = failure("""
            [[people]]
            name = "Ada"
            [[people]]
            name = "ada"
            """)
        #expect(error?.key == "people[1].name")
        #expect(error?.line == 4)
    }

    @Test func thresholdsMustRise() {
        #expect(failure("[thresholds]\nlow = 0.9\nmedium = 0.5\n")?.key == "thresholds.medium")
    }

    @Test func secretsComeFromOneSourceOnly() throws {
        #expect(failure("""
            [[channels]]
            name = "ops"
            kind = "webhook"
            url = "http://127.0.0.1/"
            url_env = "HOOK"
            """)?.key == "channels[0].url")
        let config = try parse("""
            [[channels]]
            name = "ops"
            kind = "webhook"
            url_env = "VIGIL_TEST_HOOK"
            """)
        let url = try #require(config.channels.first?.url)
        #expect(try url.resolve(environment: ["VIGIL_TEST_HOOK": "http://127.0.0.1:9/x"]) == "http://127.0.0.1:9/x")
        let error = #expect(throws: (any Error).self) { try url.resolve(environment: [:]) }
        #expect("\(error.map { "\($0)" } ?? "")" == "environment variable VIGIL_TEST_HOOK is not set")
    }
}

/// `[[github]]` entries: checked like the CLI's, each once.
@Suite struct GitHubConfigTests {
    func parse(_ source: String) throws -> VigilConfig {
        try ConfigLoader.parse(source: source, path: "/etc/vigil/config.toml")
    }

    @Test func repositoriesAreReadAndChecked() throws {
        let config = try parse("""
            [[github]]
            repo = "matplotlib/matplotlib"
            [[github]]
            repo = "octo/repo"
            api_url = "https://ghe.example.com/api/v3/"
            token_env = "GHE_TOKEN"
            """)
        #expect(config.github.map(\.repo) == ["matplotlib/matplotlib", "octo/repo"])
        #expect(config.github.map(\.apiURL) == ["https://api.github.com", "https://ghe.example.com/api/v3"])
        #expect(config.github.last?.tokenEnv == "GHE_TOKEN")

        for (source, words) in [
            ("[[github]]\nrepo = \"matplotlib\"", "not a GitHub repository"),
            ("[[github]]\napi_url = \"https://api.github.com\"", "needs a repo"),
            ("[[github]]\nrepo = \"o/r\"\ntoken = \"ghp_secret\"", "token"),
            ("[[github]]\nrepo = \"o/r\"\ntoken_env = \"A\"\ntoken_file = \"/b\"", "not both"),
            ("[[github]]\nrepo = \"o/r\"\n[[github]]\nrepo = \"O/R\"", "declared twice"),
        ] {
            do {
                _ = try parse(source)
                Issue.record("accepted: \(source)")
            } catch let error as ConfigError {
                #expect(error.description.contains(words), "\(error.description)")
                #expect(!error.description.contains("ghp_secret"))
            }
        }
    }
}
