import Foundation
import Testing
import VigilTestSupport

/// A configured feed (on loopback, which the operator may name) whose server
/// redirects into the local network: `vigil poll --once` refuses the redirect
/// without connecting, says why in one line of the feed's health, and follows
/// it once `[poll] allow_private_addresses = true`.
@Suite struct AddressPolicyCLITests {
    func writeConfig(_ cli: CLI, feed: String, allowPrivate: Bool?) throws {
        _ = try cli.write("config.toml", """
            database = "vigil.db"
            [poll]
            host_gap = "0s"
            \(allowPrivate.map { "allow_private_addresses = \($0)" } ?? "")
            [[people]]
            name = "Julian Marsh"
            [[feeds]]
            url = "\(feed)"

            """)
    }

    @Test func aRedirectIntoThePrivateNetworkIsRefusedUnlessAllowed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let metadata = try CountingListener(host: "127.0.0.2")
        let hostile = try FetchTestServer(routes: [["path": "/feed.xml", "status": 302, "redirect": metadata.url("/latest/meta-data/")]])
        defer { hostile.stop() }
        try writeConfig(cli, feed: hostile.url("/feed.xml"), allowPrivate: nil)

        let poll = try cli.vigil("poll", "--once")
        #expect(poll.stdout.contains("polled 1 feeds"), "\(poll.stdout)\(poll.stderr)")
        let expected = "redirect to a private address 127.0.0.2 refused; set [poll] allow_private_addresses = true to allow"
        #expect(poll.stdout.contains(expected), "\(poll.stdout)")
        let status = try cli.vigil("status", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let failing = try #require(object["feedsFailing"] as? [[String: Any]])
        #expect(failing.first?["lastError"] as? String == expected, "\(status.stdout)")
        #expect(metadata.connectionsSoFar() == 0)

        // Allowed: the same redirect, now to a server that answers, is followed.
        let inside = try FetchTestServer(routes: [["path": "/latest/feed.xml", "body": "<rss version=\"2.0\"><channel><title>inside</title></channel></rss>"]], host: "127.0.0.2")
        defer { inside.stop() }
        try hostile.setRoutes([["path": "/feed.xml", "status": 302, "redirect": inside.url("/latest/feed.xml")]])
        try writeConfig(cli, feed: hostile.url("/feed.xml"), allowPrivate: true)
        let allowed = try cli.vigil("poll", "--once")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("(0 failed)"), "\(allowed.stdout)")
        #expect(try inside.requests().count == 1)
    }
}
