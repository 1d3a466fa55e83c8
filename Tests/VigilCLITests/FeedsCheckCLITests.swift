import Foundation
import Testing
import VigilTestSupport

/// `vigil feeds check` and `vigil feeds discover` against a loopback server.
@Suite struct FeedsCheckCLITests {
    static let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news</title><link>http://example.org/</link><item><title>First</title><guid>a</guid></item><item><title>Second</title><guid>b</guid></item></channel></rss>"#

    @Test func checkExplainsAFetchAndItsEntries() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try FetchTestServer(routes: [
            ["path": "/feed.xml", "body": Self.rss, "etag": "\"e1\"", "headers": ["Content-Type": "application/rss+xml"]],
            ["path": "/moved", "redirect": "/feed.xml", "status": 301],
            ["path": "/missing", "status": 404],
        ])
        defer { server.stop() }
        let ok = try cli.run(["feeds", "check", server.url("/moved")])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("301"))
        #expect(ok.stdout.contains("Loopback news"))
        #expect(ok.stdout.contains("2"))
        let json = try cli.run(["feeds", "check", server.url("/feed.xml"), "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object != nil, "\(json.stdout)")
        let conditional = try cli.run(["feeds", "check", server.url("/feed.xml"), "--etag", "\"e1\""])
        #expect(conditional.status == 0)
        #expect(conditional.stdout.contains("304"))
        let missing = try cli.run(["feeds", "check", server.url("/missing")])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("404") || missing.stderr.contains("404"))
        let bad = try cli.run(["feeds", "check", "gopher://example.org/"])
        #expect(bad.status == 2)
    }

    @Test func discoverFindsLinkedFeeds() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let page = #"<html><head><link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml"></head><body>hi</body></html>"#
        let server = try FetchTestServer(routes: [
            ["path": "/", "body": page, "headers": ["Content-Type": "text/html"]],
            ["path": "/feed.xml", "body": Self.rss, "headers": ["Content-Type": "application/rss+xml"]],
        ])
        defer { server.stop() }
        let found = try cli.run(["feeds", "discover", server.url("/")])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains(server.url("/feed.xml")))
    }
}
