import Foundation
import Testing
import VigilTestSupport

/// A running daemon polls a feed added with `vigil feeds add`, or declared in
/// the config and announced with SIGHUP, within seconds: not at the end of
/// its longest sleep, and without a restart.
@Suite struct DaemonFeedPickupCLITests {
    static let rss = #"<rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>x</title></item></channel></rss>"#

    /// Waits until the server has been asked for `path`; false after `seconds`.
    /// The daemon looks at its feed list every 2 s and used to sleep up to
    /// 30 s, so 15 s tells the two apart with room for a busy machine.
    func requested(_ server: FetchTestServer, _ path: String, within seconds: TimeInterval) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try server.requests().contains(where: { $0.path == path }) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test func aFeedAddedWhileTheDaemonRunsIsPolledWithinSeconds() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: ["/first.xml", "/added.xml", "/declared.xml"].map { ["path": $0, "body": Self.rss] })
        defer { server.stop() }
        let config = """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            [[people]]
            name = "Julian Marsh"
            [[feeds]]
            url = "\(server.url("/first.xml"))"

            """
        _ = try cli.write("config.toml", config)
        let daemon = try cli.spawn(["--config", cli.configPath, "run", "--verbose"])
        defer { if daemon.isRunning { daemon.terminate(); daemon.waitUntilExit() } }
        try cli.waitForFile("daemon.log", containing: "cycle finished")
        // Let it settle into its wait for the next due feed (fifteen minutes away).
        Thread.sleep(forTimeInterval: 3)

        let added = try cli.vigil("feeds", "add", server.url("/added.xml"))
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try requested(server, "/added.xml", within: 15), "the added feed was not polled")

        _ = try cli.write("config.toml", config + "[[feeds]]\nurl = \"\(server.url("/declared.xml"))\"\n")
        kill(daemon.processIdentifier, SIGHUP)
        #expect(try requested(server, "/declared.xml", within: 15), "the feed declared before SIGHUP was not polled")

        // Each was polled once: looking at the feed list often does not poll more often.
        let paths = try server.requests().map(\.path)
        #expect(paths.filter { $0 == "/first.xml" }.count == 1)
        #expect(paths.filter { $0 == "/added.xml" }.count == 1)
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
    }
}
