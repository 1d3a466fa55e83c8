import Foundation
import Testing
import VigilTestSupport

/// One poller per database, however the database is named: a daemon holds
/// the lease in the database itself, a second poller reaching the same file
/// through a symlink is refused in one line with exit 1, and after a kill -9
/// of the daemon the next poller takes over with no cleanup.
@Suite(.serialized) struct PollerLeaseCLITests {
    @Test func aSecondPollerThroughASymlinkIsRefusedAndTakesOverAfterKillNine() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [["path": "/feed.xml", "body": "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"]])
        defer { server.stop() }
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            [[feeds]]
            url = "\(server.url("/feed.xml"))"

            """)
        // Another name for the same database, in another folder.
        let elsewhere = cli.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let link = elsewhere.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.folder.appendingPathComponent("vigil.db").path)
        #expect(try cli.vigil("poll", "--once").status == 0)

        let daemon = try cli.spawn(["--config", cli.configPath, "run"])
        defer {
            if daemon.isRunning { kill(daemon.processIdentifier, SIGKILL) }
            daemon.waitUntilExit()
        }
        try cli.waitForFile("daemon.log", containing: "polling")

        for arguments in [["--db", link, "poll", "--once"], ["--db", link, "run"], ["poll", "--once"]] {
            let refused = try cli.run(arguments.first == "--db" ? arguments : ["--config", cli.configPath] + arguments)
            #expect(refused.status == 1, "\(arguments): \(refused.stdout)\(refused.stderr)")
            #expect(refused.stderr.hasPrefix("vigil: another vigil is already polling this database"), "\(refused.stderr)")
            #expect(refused.stderr.contains("`vigil run`, pid \(daemon.processIdentifier)"), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }

        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()
        // The dead daemon's row is still there; the next poller replaces it at once.
        #expect(try cli.sqlite("SELECT pid FROM poller_lease") == String(daemon.processIdentifier))
        let takeover = try cli.run(["--db", link, "poll", "--once"])
        #expect(takeover.status == 0, "\(takeover.stderr)")
        #expect(takeover.stdout.contains("polled 1 feeds"), "\(takeover.stdout)")
        // And gives the lease back when done.
        #expect(try cli.sqlite("SELECT COUNT(*) FROM poller_lease") == "0")
    }
}
