import Foundation
import Testing
import VigilTestSupport

/// The daemon as an operator meets it: the demo, one-shot polls, signals,
/// a second daemon, and a kill -9 in the middle of a cycle.
@Suite(.serialized) struct DaemonCLITests {
    @Test func theDemoFindsTheAttackAndExitsZero() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("HIGH  Julian Marsh"))
        #expect(result.stdout.contains("Gatekeeping in Open Source: The Julian Marsh Story"))
        #expect(result.stdout.contains("hostile ("))
        #expect(!result.stdout.contains("quietfox needs to step down") || result.stdout.contains("Nathaniel Okoro"))
    }

    /// A config watching Julian Marsh, with the server's feeds.
    func writeConfig(_ cli: CLI, server: FetchTestServer, paths: [String]) throws {
        try cli.writeWatchConfig(feeds: paths.map { server.url($0) })
    }

    @Test func pollOnceStoresFindingsAndASecondPollerIsRefused() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let blog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("feeds/samples/patchwright-agent-blog.json"), encoding: .utf8)
        let server = try FetchTestServer(routes: [["path": "/blog.json", "body": blog]])
        defer { server.stop() }
        try writeConfig(cli, server: server, paths: ["/blog.json"])
        let result = try cli.vigil("poll", "--once")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("polled 1 feeds"))
        let status = try cli.vigil("status")
        #expect(status.stdout.contains("high 1") || status.stdout.contains("high 2"), "\(status.stdout)")

        // Hold the lock with a running daemon, then try to poll beside it.
        let daemon = try cli.spawn(["--config", cli.configPath, "run"])
        defer { daemon.terminate(); daemon.waitUntilExit() }
        try cli.waitForFile("daemon.log", containing: "polling")
        #expect(try cli.sqlite("SELECT pid FROM poller_lease") == String(daemon.processIdentifier))
        let refused = try cli.vigil("poll", "--once")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("another vigil is already polling"))
    }

    @Test func sigtermStopsTheDaemonWithinFiveSeconds() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // A server that never answers keeps a fetch in flight when the signal comes.
        let server = try FetchTestServer(routes: [["path": "/slow.xml", "never_answer": true]])
        defer { server.stop() }
        try writeConfig(cli, server: server, paths: ["/slow.xml"])
        for (index, signal) in [SIGTERM, SIGINT].enumerated() {
            // Signal a daemon that has started and has a fetch in flight.
            let log = "daemon\(index).log"
            let daemon = try cli.spawn(["--config", cli.configPath, "run", "--verbose"], log: log)
            try cli.waitForFile(log, containing: "cycle started")
            Thread.sleep(forTimeInterval: 0.5)
            let sent = Date()
            kill(daemon.processIdentifier, signal)
            daemon.waitUntilExit()
            #expect(Date().timeIntervalSince(sent) < 5)
            #expect(daemon.terminationReason == .exit)
            #expect(daemon.terminationStatus == 0)
        }
    }

    @Test func aPrivateFeedsTokenStaysOutOfOutputAndLogs() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [["path": "/ada.private.atom", "status": 500, "body": "down"]])
        defer { server.stop() }
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            [[people]]
            name = "Julian Marsh"
            [[feeds]]
            url = "\(server.url("/ada.private.atom"))?token=Zq81SECRETvalue"

            """)
        let poll = try cli.vigil("poll", "--once", "--verbose")
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stdout.contains("failed: \(server.url("/ada.private.atom"))?token=***"), "\(poll.stdout)")
        let status = try cli.vigil("status")
        let listing = try cli.vigil("feeds", "ls")
        #expect(poll.stderr.contains("feed failed"), "\(poll.stderr)")
        for text in [poll.stdout, poll.stderr, status.stdout, listing.stdout] {
            #expect(!text.contains("Zq81SECRETvalue"), "\(text)")
        }
        // The machine-readable listing keeps the whole URL: it is what `feeds rm` takes.
        #expect(try cli.vigil("feeds", "ls", "--json").stdout.contains("Zq81SECRETvalue"))
    }

    @Test func killNineMidCycleLosesAndDuplicatesNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let blog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("feeds/samples/patchwright-agent-blog.json"), encoding: .utf8)
        let news = try String(contentsOf: CLI.packageRoot.appendingPathComponent("feeds/samples/dispatch-news.rss.xml"), encoding: .utf8)
        // Several feeds, some slow, so the kill lands while work is in flight.
        var routes: [[String: Any]] = []
        var paths: [String] = []
        for index in 0..<6 {
            routes.append(["path": "/blog\(index).json", "body": blog, "delay": Double(index) * 0.3])
            routes.append(["path": "/news\(index).xml", "body": news, "delay": Double(index) * 0.2])
            paths += ["/blog\(index).json", "/news\(index).xml"]
        }
        let server = try FetchTestServer(routes: routes)
        defer { server.stop() }
        try writeConfig(cli, server: server, paths: paths)

        let daemon = try cli.spawn(["--config", cli.configPath, "run", "--verbose"])
        try cli.waitForFile("daemon.log", containing: "feed polled")
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()

        // Restart and finish: every finding exactly once, every alert key once.
        let finish = try cli.vigil("poll", "--once")
        #expect(finish.status == 0, "\(finish.stderr)")
        let again = try cli.vigil("poll", "--once")
        #expect(again.status == 0)
        let counts = try cli.sqlite("SELECT COUNT(*), COUNT(DISTINCT item_id || '-' || person_id) FROM findings")
        let parts = counts.split(separator: "|")
        #expect(parts.count == 2 && parts[0] == parts[1], "\(counts)")
        let outbox = try cli.sqlite("SELECT COUNT(*), COUNT(DISTINCT idempotency_key) FROM alert_outbox")
        let outboxParts = outbox.split(separator: "|")
        #expect(outboxParts.count == 2 && outboxParts[0] == outboxParts[1], "\(outbox)")
        let integrity = try cli.sqlite("PRAGMA integrity_check")
        #expect(integrity == "ok")
        // Each feed's entries are stored once, whatever the kill interrupted.
        let items = try cli.sqlite("SELECT COUNT(*) FROM items")
        // (The blog sample has 9 entries, the news sample 6.)
        #expect(Int(items) == 6 * 9 + 6 * 6, "\(items)")
    }

    @Test func theDaemonServesPrometheusMetricsOnLoopback() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [["path": "/feed.xml", "body": #"<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>x</title></item></channel></rss>"#]])
        defer { server.stop() }
        try writeConfig(cli, server: server, paths: ["/feed.xml"])
        let port = try cli.freeLoopbackPort()
        let config = try String(contentsOfFile: cli.configPath, encoding: .utf8)
        _ = try cli.write("config.toml", config + "\n[metrics]\nlisten = \"127.0.0.1:\(port)\"\n")
        let daemon = try cli.spawn(["--config", cli.configPath, "run", "--verbose"])
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }
        try cli.waitForFile("daemon.log", containing: "cycle finished")
        let scrape = try cli.curl("http://127.0.0.1:\(port)/metrics")
        #expect(scrape.contains("# TYPE vigil_feeds_polled_total counter"), "\(scrape)")
        #expect(scrape.contains("vigil_feeds_polled_total 1"), "\(scrape)")
        #expect(scrape.contains("vigil_last_cycle_duration_seconds"))

        daemon.terminate()
        daemon.waitUntilExit()

        // Anything but loopback is refused before the daemon starts.
        _ = try cli.write("config.toml", config + "\n[metrics]\nlisten = \"0.0.0.0:\(port)\"\n")
        let refused = try cli.vigil("run")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("only loopback"))
    }

    @Test func theDaemonServesTheDashboardWhenTheConfigAsks() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [["path": "/feed.xml", "body": #"<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>x</title></item></channel></rss>"#]])
        defer { server.stop() }
        try writeConfig(cli, server: server, paths: ["/feed.xml"])
        let port = try cli.freeLoopbackPort()
        let config = try String(contentsOfFile: cli.configPath, encoding: .utf8)
        _ = try cli.write("config.toml", config + "\n[web]\nlisten = \"127.0.0.1:\(port)\"\n")
        let daemon = try cli.spawn(["--config", cli.configPath, "run"])
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }
        try cli.waitForFile("daemon.log", containing: "dashboard listening on http://127.0.0.1:\(port)/")
        let page = try cli.curl("http://127.0.0.1:\(port)/login")
        #expect(page.contains("<form method=\"post\" action=\"/login\""))
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)

        _ = try cli.write("config.toml", config + "\n[web]\nlisten = \"nowhere\"\n")
        let refused = try cli.vigil("run")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("[web] listen wants HOST:PORT"))
    }
}
