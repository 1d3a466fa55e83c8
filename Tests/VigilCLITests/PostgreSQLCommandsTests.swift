import Foundation
import Testing
import VigilTestSupport

/// Every command on PostgreSQL answers as it does on SQLite: the demo's
/// database is copied into a throwaway cluster with `vigil migrate`, and
/// each command runs against both, the SQLite one through the demo's own
/// config and the PostgreSQL one through the same config naming the copy.
/// Skipped with a message where PostgreSQL is not installed.
@Suite(.serialized, .enabled(if: PostgresTestCluster.unavailableReason == nil, "\(PostgresTestCluster.unavailableReason ?? "")"))
final class PostgreSQLCommandsTests {
    let cluster: PostgresTestCluster

    init() async throws {
        cluster = try #require(try await PostgresTestCluster.starting())
    }

    deinit {
        cluster.stop()
    }

    /// The demo's database and its copy on PostgreSQL, each named by a config.
    struct Pair {
        let cli: CLI
        let sqliteConfig: String
        let postgreSQLConfig: String

        /// Runs `arguments` against one database; the command must succeed.
        func run(_ arguments: [String], on config: String, stdin: String? = nil) async throws -> String {
            let result = try await cli.running(["--config", config] + arguments, stdin: stdin)
            #expect(result.status == 0, "\(arguments) on \(config): \(result.stderr)")
            return result.stdout
        }

        /// Runs `arguments` against both and returns both outputs.
        func both(_ arguments: [String], stdin: String? = nil) async throws -> (sqlite: String, postgreSQL: String) {
            (try await run(arguments, on: sqliteConfig, stdin: stdin), try await run(arguments, on: postgreSQLConfig, stdin: stdin))
        }
    }

    private func demoPair() async throws -> Pair {
        let cli = try CLI()
        let kept = cli.folder.appendingPathComponent("demo")
        var result = try await cli.running(["demo", "--keep", kept.path])
        #expect(result.status == 0, "\(result.stderr)")
        let database = kept.appendingPathComponent("vigil.db").path
        let url = try cluster.createDatabase()
        result = try await cli.running(["migrate", "--from", "sqlite:\(database)", "--to", url])
        #expect(result.status == 0, "\(result.stderr)")

        let sqliteConfig = kept.appendingPathComponent("config.toml").path
        let text = try String(contentsOfFile: sqliteConfig, encoding: .utf8)
        #expect(text.contains("database = \"vigil.db\""))
        let postgreSQLConfig = cli.folder.appendingPathComponent("postgresql.toml").path
        try text.replacingOccurrences(of: "database = \"vigil.db\"", with: "database = \"\(url)\"")
            .write(toFile: postgreSQLConfig, atomically: true, encoding: .utf8)
        return Pair(cli: cli, sqliteConfig: sqliteConfig, postgreSQLConfig: postgreSQLConfig)
    }

    @Test func readCommandsAnswerTheSameOnBoth() async throws {
        let pair = try await demoPair()
        defer { pair.cli.remove() }

        let listing = try await pair.both(["findings", "ls", "--json"])
        #expect(listing.sqlite == listing.postgreSQL)
        let findings = try Self.jsonArray(listing.sqlite)
        #expect(findings.count > 15, "\(listing.sqlite.prefix(300))")
        let ids = findings.compactMap { $0["id"] as? Int }
        #expect(ids.count == findings.count)

        for id in ids {
            let shown = try await pair.both(["findings", "show", String(id), "--json"])
            #expect(shown.sqlite == shown.postgreSQL, "finding \(id)")
        }
        for arguments in [
            ["findings", "ls"], ["findings", "ls", "--min-severity", "medium", "--json"], ["findings", "ls", "--limit", "3", "--json"],
            // Names are looked up ignoring case on both.
            ["findings", "ls", "--person", "julian marsh", "--json"], ["findings", "ls", "--team", "CORE", "--kind", "attack", "--json"],
            ["findings", "export", "--team", "infra", "--state", "new"],
            ["findings", "export"], ["findings", "export", "--with-text"], ["watch", "ls"], ["watch", "ls", "--json"],
            ["feeds", "ls", "--json"], ["github", "ls"], ["github", "ls", "--json"],
        ] {
            let answer = try await pair.both(arguments)
            #expect(answer.sqlite == answer.postgreSQL, "\(arguments)")
            #expect(!answer.sqlite.isEmpty, "\(arguments)")
        }
        let export = try await pair.both(["findings", "export"])
        #expect(export.sqlite.split(separator: "\n").count == findings.count)

        let status = try await pair.both(["status", "--json"])
        // Its counts are taken against the clock, but nothing in the demo
        // falls due or ages out of a window within a test's seconds. Only
        // PostgreSQL has workers to list.
        #expect(try Self.normalised(status.sqlite, dropping: []) == (try Self.normalised(status.postgreSQL, dropping: ["workers"])))
        #expect(status.postgreSQL.contains("\"findingsUnacknowledged\"") && status.postgreSQL.contains("\"workers\""), "\(status.postgreSQL)")

        for arguments in [
            ["digest", "--format", "json"], ["digest", "--format", "json", "--since", "2w"], ["digest", "--format", "json", "--team", "Infra"],
            ["digest", "--format", "json", "--person", "MIRA CASTELLAN"],
        ] {
            let digest = try await pair.both(arguments)
            #expect(try Self.normalised(digest.sqlite, dropping: Self.digestClock) == (try Self.normalised(digest.postgreSQL, dropping: Self.digestClock)), "\(arguments)")
        }
    }

    @Test func usersAreAddedListedAndRemovedAlike() async throws {
        let pair = try await demoPair()
        defer { pair.cli.remove() }

        for config in [pair.sqliteConfig, pair.postgreSQLConfig] {
            var out = try await pair.run(["users", "add", "Ada", "--admin"], on: config, stdin: "correct horse battery staple\n")
            #expect(out == "added user Ada (admin)\n", "\(config)")
            out = try await pair.run(["users", "add", "bob", "--team", "Infra", "--team", "core"], on: config, stdin: "another long password here\n")
            #expect(out.hasPrefix("added user bob"), "\(config)")
            let duplicate = try await pair.cli.running(["--config", config, "users", "add", "ADA"], stdin: "correct horse battery staple\n")
            #expect(duplicate.status == 2 && duplicate.stderr.contains("already a user"), "\(config): \(duplicate.stderr)")
        }
        let listed = try await pair.both(["users", "ls"])
        #expect(listed.sqlite == listed.postgreSQL)
        #expect(listed.postgreSQL.contains("Ada") && listed.postgreSQL.contains("core, Infra"), "\(listed.postgreSQL)")
        let json = try await pair.both(["users", "ls", "--json"])
        #expect(try Self.normalised(json.sqlite, dropping: ["created_at"]) == (try Self.normalised(json.postgreSQL, dropping: ["created_at"])))

        for config in [pair.sqliteConfig, pair.postgreSQLConfig] {
            _ = try await pair.run(["users", "rm", "ada"], on: config)
            let missing = try await pair.cli.running(["--config", config, "users", "rm", "ada"])
            #expect(missing.status == 2 && missing.stderr.contains("no user named"), "\(config): \(missing.stderr)")
        }
        let after = try await pair.both(["users", "ls"])
        #expect(after.sqlite == after.postgreSQL)
        #expect(!after.postgreSQL.contains("Ada") && after.postgreSQL.contains("bob"))
    }

    @Test func writingCommandsChangePostgreSQLAsTheyChangeSQLite() async throws {
        let pair = try await demoPair()
        defer { pair.cli.remove() }
        let findings = try Self.jsonArray(try await pair.run(["findings", "ls", "--json"], on: pair.postgreSQLConfig))
        let ids = findings.compactMap { $0["id"] as? Int }.sorted()
        let first = try #require(ids.first), second = try #require(ids.dropFirst().first)

        for (arguments, expected) in [
            (["findings", "ack", String(first), String(second)], "acknowledged 2 findings"),
            (["findings", "ack", String(first)], "acknowledged 0 findings (1 already acknowledged)"),
            (["findings", "label", String(first), "benign"], "finding \(first) labelled benign"),
            (["watch", "add", "Grace Hopper", "--alias", "Amazing Grace", "--team", "Compilers"], "watching Grace Hopper"),
            (["feeds", "add", "https://example.org/feed.xml", "--title", "Example"], "added feed https://example.org/feed.xml"),
        ] {
            let answer = try await pair.both(arguments)
            #expect(answer.sqlite == answer.postgreSQL, "\(arguments)")
            #expect(answer.postgreSQL.contains(expected), "\(arguments): \(answer.postgreSQL)")
        }
        for id in [first, second] {
            let shown = try await pair.both(["findings", "show", String(id), "--json"])
            let sqlite = try Self.normalised(shown.sqlite, dropping: ["updated_at"])
            let postgreSQL = try Self.normalised(shown.postgreSQL, dropping: ["updated_at"])
            #expect(sqlite == postgreSQL, "\(sqlite)\n\(postgreSQL)")
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.postgreSQL.utf8)) as? [String: Any])
            let finding = try #require(detail["finding"] as? [String: Any])
            #expect(finding["state"] as? String == "acked", "\(shown.postgreSQL.prefix(400))")
            #expect((finding["label"] as? String) == (id == first ? "benign" : nil), "\(shown.postgreSQL.prefix(400))")
        }
        let unknown = try await pair.cli.running(["--config", pair.postgreSQLConfig, "findings", "ack", "999999"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no finding with ID 999999"), "\(unknown.stderr)")

        var people = try await pair.both(["watch", "ls", "--json"])
        #expect(people.sqlite == people.postgreSQL)
        #expect(people.postgreSQL.contains("Grace Hopper") && people.postgreSQL.contains("Compilers"))
        var feeds = try await pair.both(["feeds", "ls", "--json"])
        #expect(try Self.normalised(feeds.sqlite, dropping: Self.feedClock) == (try Self.normalised(feeds.postgreSQL, dropping: Self.feedClock)))
        #expect(feeds.postgreSQL.contains("https://example.org/feed.xml"))

        for arguments in [["watch", "rm", "grace hopper"], ["feeds", "rm", "https://example.org/feed.xml"]] {
            let answer = try await pair.both(arguments)
            #expect(answer.sqlite == answer.postgreSQL, "\(arguments)")
        }
        people = try await pair.both(["watch", "ls", "--json"])
        #expect(people.sqlite == people.postgreSQL && !people.postgreSQL.contains("Grace Hopper"))
        feeds = try await pair.both(["feeds", "ls", "--json"])
        #expect(feeds.sqlite == feeds.postgreSQL && !feeds.postgreSQL.contains("example.org/feed.xml"))
    }

    @Test func backupOfAPostgreSQLDatabaseNamesPgDump() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", "database = \"\(try cluster.createDatabase())\"\n")
        let result = try await cli.running(["--config", cli.configPath, "backup", cli.folder.appendingPathComponent("copy.db").path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("vigil: ") && result.stderr.contains("pg_dump"), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("copy.db").path))
    }

    /// Fields of a JSON digest that follow the clock rather than the data.
    static let digestClock: Set<String> = ["generated_at", "start", "end"]
    /// Fields of a feed that `feeds add` sets from the clock.
    static let feedClock: Set<String> = ["next_poll_at"]

    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    /// `json` with the named keys removed at any depth, keys sorted.
    static func normalised(_ json: String, dropping keys: Set<String>) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !keys.contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        let data = try JSONSerialization.data(withJSONObject: strip(parsed), options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }
}
