import Foundation
import Testing
import VigilTestSupport

/// Several vigil processes polling one PostgreSQL database, as workers on
/// several machines would: the due feeds are shared between them, each
/// fetched by exactly one, and each finding and alert is made once. Skipped
/// with a message where PostgreSQL is not installed.
@Suite(.serialized, .enabled(if: PostgresTestCluster.unavailableReason == nil, "\(PostgresTestCluster.unavailableReason ?? "")"))
final class PostgreSQLWorkersTests {
    let cluster: PostgresTestCluster

    init() async throws {
        cluster = try #require(try await PostgresTestCluster.starting())
    }

    deinit {
        cluster.stop()
    }

    /// A feed world: `count` feeds, one in every 100 carrying an attack on
    /// Julian Marsh that no other feed carries, the rest a neutral post.
    static func feedRoutes(count: Int, delay: Double = 0) -> [[String: Any]] {
        (0..<count).map { index in
            let post = index % 100 == 7
                ? "Julian Marsh rejected my pull request \(index) because he is insecure and prejudiced. Julian Marsh is a hypocrite "
                    + "who guards his little fiefdom. His gatekeeping is shameful and he should be removed as maintainer."
                : "Release notes \(index): the parser reads one more date format, and the cache is smaller."
            var route: [String: Any] = [
                "path": "/f/\(index).xml",
                "headers": ["Content-Type": "application/rss+xml"],
                "body": """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Feed \(index)</title>
                    <link>http://example.org/\(index)/</link>
                    <item><title>Post \(index)</title><link>http://example.org/\(index)/post</link><guid>post-\(index)</guid>
                    <description>\(post)</description></item></channel></rss>
                    """,
            ]
            if delay > 0 { route["delay"] = delay }
            return route
        }
    }

    static func config(database: String, server: FetchTestServer, count: Int, extra: String = "") -> String {
        var text = """
            database = "\(database)"
            [poll]
            host_gap = "0s"
            max_connections = 16
            max_connections_per_host = 16
            \(extra)
            [[people]]
            name = "Julian Marsh"
            [[channels]]
            name = "log"
            kind = "jsonl"
            path = "alerts.jsonl"
            min_severity = "medium"
            rate_limit_per_hour = 0

            """
        for index in 0..<count { text += "[[feeds]]\nurl = \"\(server.url("/f/\(index).xml"))\"\n" }
        return text
    }

    /// Waits for `process` to end without holding a thread: the tests run
    /// beside others on a pool of as many threads as cores, and the servers
    /// some of those tests run in process need one.
    static func exit(of process: Process) async throws {
        while process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
    }

    /// How many times each feed path was requested.
    static func fetchesByPath(_ server: FetchTestServer) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for request in try server.requests() where request.path.hasPrefix("/f/") { counts[request.path, default: 0] += 1 }
        return counts
    }

    /// (feed path, person, kind, severity) of every finding, sorted.
    func findings(_ database: String) throws -> [String] {
        try cluster.query("""
            SELECT substring(fd.url from '/f/[0-9]+\\.xml') || ' ' || p.name || ' ' || f.kind || ' ' || f.severity
            FROM findings f JOIN items i ON i.id = f.item_id JOIN feeds fd ON fd.id = i.feed_id JOIN people p ON p.id = f.person_id
            ORDER BY 1
            """, database: database)
    }

    @Test(arguments: [2, 3])
    func workersStartedTogetherPollEachDueFeedOnceAndAlertOnce(workers: Int) async throws {
        let count = 3000
        let server = try FetchTestServer(routes: Self.feedRoutes(count: count))
        defer { server.stop() }
        let database = try cluster.createDatabase()
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", Self.config(database: database, server: server, count: count))

        // Each worker its own process, all started at once against an empty database.
        let processes = try (0..<workers).map { index in
            try cli.spawn(["--config", cli.configPath, "poll", "--once"], log: "worker-\(index).log")
        }
        for process in processes { try await Self.exit(of: process) }
        var polled = 0
        for (index, process) in processes.enumerated() {
            let log = (try? String(contentsOf: cli.folder.appendingPathComponent("worker-\(index).log"), encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "worker \(index): \(log)")
        }
        for line in try cluster.query("SELECT feeds_polled FROM cycles", database: database) { polled += Int(line) ?? 0 }

        let fetches = try Self.fetchesByPath(server)
        #expect(fetches.count == count, "feeds fetched: \(fetches.count) of \(count)")
        #expect(fetches.values.allSatisfy { $0 == 1 }, "fetched twice: \(fetches.filter { $0.value > 1 }.keys.sorted().prefix(5))")
        #expect(polled == count)
        let cycles = try cluster.query("SELECT feeds_polled FROM cycles ORDER BY id", database: database)
        #expect(cycles.count == workers)
        #expect(cycles.allSatisfy { (Int($0) ?? 0) > 0 }, "every worker took a share: \(cycles)")
        #expect(try cluster.query("SELECT COUNT(*) FROM feeds WHERE last_polled_at IS NULL OR lease_owner IS NOT NULL", database: database) == ["0"])

        let found = try findings(database)
        #expect(found.count == count / 100)
        #expect(found.allSatisfy { $0.hasSuffix("Julian Marsh attack high") || $0.hasSuffix("Julian Marsh attack medium") }, "\(found.prefix(3))")
        #expect(try cluster.query("SELECT COUNT(*) FROM (SELECT item_id, person_id FROM findings GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice", database: database) == ["0"])

        // Every alert went out once, through one worker or another.
        let lines = try String(contentsOf: cli.folder.appendingPathComponent("alerts.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let keys = lines.compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["idempotency_key"] as? String
        }
        #expect(keys.count == count / 100, "\(lines.count) alert lines")
        #expect(Set(keys).count == keys.count)
        #expect(try cluster.query("SELECT COUNT(*) FROM alert_outbox WHERE delivered_at IS NULL", database: database) == ["0"])

        // One SQLite worker on the same world finds the same (once: it is the same world).
        guard workers == 2 else { return }
        try server.reset()
        let sqlite = try CLI()
        defer { sqlite.remove() }
        _ = try sqlite.write("config.toml", Self.config(database: "vigil.db", server: server, count: count))
        let alone = try sqlite.spawn(["--config", sqlite.configPath, "poll", "--once"], log: "alone.log")
        try await Self.exit(of: alone)
        #expect(alone.terminationStatus == 0)
        let listed = try sqlite.vigil("findings", "ls", "--json")
        let rows = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []
        let expected = rows.compactMap { row -> String? in
            guard let url = (row["feed"] as? [String: Any])?["url"] as? String ?? row["feed_url"] as? String,
                  let path = url.range(of: "/f/").map({ String(url[$0.lowerBound...]) }) else { return nil }
            return "\(path) \(row["person"] as? String ?? "") \(row["kind"] as? String ?? "") \(row["severity"] as? String ?? "")"
        }.sorted()
        #expect(expected == found)
    }

    @Test func aWorkerKilledMidCycleLosesItsFeedsToAnotherWhenItsLeasesEnd() async throws {
        let count = 300
        let server = try FetchTestServer(routes: Self.feedRoutes(count: count, delay: 0.2))
        defer { server.stop() }
        let database = try cluster.createDatabase()
        let cli = try CLI()
        defer { cli.remove() }
        _ = try cli.write("config.toml", Self.config(database: database, server: server, count: count, extra: #"worker_lease = "4s""#))

        let first = try cli.spawn(["--config", cli.configPath, "run"], log: "first.log")
        // Mid-cycle: some feeds stored, others leased to it and in flight.
        let deadline = Date().addingTimeInterval(60)
        var leased: [String] = []
        while Date() < deadline {
            // Until the worker has made the schema, there is nothing to read.
            let stored = Int((try? cluster.query("SELECT COUNT(*) FROM feeds WHERE last_polled_at IS NOT NULL", database: database))?.first ?? "") ?? 0
            leased = (try? cluster.query("SELECT url FROM feeds WHERE lease_owner IS NOT NULL ORDER BY url", database: database)) ?? []
            if stored >= 40, !leased.isEmpty { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(first.processIdentifier, SIGKILL)
        try await Self.exit(of: first)
        let killedAt = Date()
        let held = try cluster.query("SELECT url || ' ' || lease_expires_at FROM feeds WHERE lease_owner IS NOT NULL ORDER BY url", database: database)
        leased = held.map { String($0.split(separator: " ")[0]) }
        try #require(!leased.isEmpty, "the first worker held no leases when it was killed")

        let second = try cli.spawn(["--config", cli.configPath, "run"], log: "second.log")
        defer { second.terminate() }
        var pending = count
        while Date() < killedAt.addingTimeInterval(90), pending > 0 {
            pending = Int(try cluster.query("SELECT COUNT(*) FROM feeds WHERE last_polled_at IS NULL", database: database).first ?? "") ?? -1
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(pending == 0, "feeds never polled: \(pending)")
        // The dead worker's feeds were taken by the other once their leases
        // ended (4 s), not before, and soon after.
        for line in held {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let polled = try cluster.query("SELECT last_polled_at FROM feeds WHERE url = '\(parts[0])'", database: database).first ?? ""
            #expect(polled >= parts[1], "\(parts[0]) polled at \(polled), before its lease ended at \(parts[1])")
        }
        #expect(Date().timeIntervalSince(killedAt) < 60)

        // Nothing twice: each feed stored once, each attack one finding and one alert line.
        #expect(try cluster.query("SELECT COUNT(*) FROM items", database: database) == ["\(count)"])
        let found = try findings(database)
        #expect(found.count == count / 100)
        #expect(try cluster.query("SELECT COUNT(*) FROM (SELECT item_id, person_id FROM findings GROUP BY 1, 2 HAVING COUNT(*) > 1) AS twice", database: database) == ["0"])
        let fetches = try Self.fetchesByPath(server)
        #expect(fetches.count == count)
        // A feed fetched twice is one the dead worker had in flight.
        let leasedPaths = Set(leased.compactMap { url in url.range(of: "/f/").map { String(url[$0.lowerBound...]) } })
        for (path, times) in fetches where times > 1 {
            #expect(leasedPaths.contains(path) && times == 2, "\(path) fetched \(times) times")
        }
        let alertDeadline = Date().addingTimeInterval(20)
        var lines: [Substring] = []
        while Date() < alertDeadline {
            lines = ((try? String(contentsOf: cli.folder.appendingPathComponent("alerts.jsonl"), encoding: .utf8)) ?? "").split(separator: "\n")
            if lines.count >= count / 100 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(lines.count == count / 100)

        // `vigil status` names both workers: the dead one stays listed (its
        // heartbeat stopped), the live one with its last cycle.
        let status = try cli.vigil("status", "--json")
        #expect(status.status == 0, "\(status.stderr)")
        let workers = ((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["workers"] as? [[String: Any]]) ?? []
        #expect(workers.count == 2, "\(status.stdout)")
        #expect(workers.allSatisfy { $0["command"] as? String == "vigil run" && $0["leased_feeds"] is Int })
        #expect(workers.contains { $0["pid"] as? Int == Int(second.processIdentifier) && $0["last_cycle_at"] is String })
        let text = try cli.vigil("status")
        #expect(text.stdout.contains("WORKER") && text.stdout.contains("LEASED FEEDS"), "\(text.stdout)")
    }
}
