import Foundation
import VigilTestSupport
import Testing
@testable import VigilFeeds

struct FetchLinkExtractorTests {
    let page = try! FeedURL("https://blog.example.org/posts/hello.html")

    @Test func findsAlternateFeedLinksResolvedAgainstThePage() {
        let html = """
            <!doctype html><html><head>
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="Posts &amp; notes" href="/feed.xml">
            <LINK REL='Alternate' TYPE='application/atom+xml' HREF=atom.xml>
            <link rel="alternate" hreflang="fr" type="text/html" href="/fr/">
            <link rel="alternate" type="application/feed+json" href="https://cdn.example.net/feed.json">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            <!-- <link rel="alternate" type="application/rss+xml" href="/commented.xml"> -->
            <script>var s = '<link rel="alternate" type="application/rss+xml" href="/scripted.xml">';</script>
            </head><body></body></html>
            """
        let feeds = FeedLinkExtractor.feeds(inHTML: Array(html.utf8), pageURL: page)
        #expect(feeds.map(\.url) == [
            "https://blog.example.org/feed.xml",
            "https://blog.example.org/posts/atom.xml",
            "https://cdn.example.net/feed.json",
        ])
        #expect(feeds.first?.title == "Posts & notes")
        #expect(feeds.map(\.type) == ["application/rss+xml", "application/atom+xml", "application/feed+json"])
        #expect(feeds.allSatisfy { $0.source == .linked })
    }

    @Test func honoursBaseHref() {
        let html = #"<head><base href="https://static.example.org/site/"><link rel="alternate" type="application/atom+xml" href="atom"></head>"#
        let feeds = FeedLinkExtractor.feeds(inHTML: Array(html.utf8), pageURL: page)
        #expect(feeds.map(\.url) == ["https://static.example.org/site/atom"])
    }

    @Test func ignoresBrokenOrUnsafeLinks() {
        let html = """
            <link rel="alternate" type="application/rss+xml">
            <link rel="alternate" type="application/rss+xml" href="">
            <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href="/ok.xml"
            """
        let feeds = FeedLinkExtractor.feeds(inHTML: Array(html.utf8), pageURL: page)
        #expect(feeds.map(\.url) == ["https://blog.example.org/ok.xml"])
        #expect(FeedLinkExtractor.feeds(inHTML: [], pageURL: page).isEmpty)
        #expect(FeedLinkExtractor.feeds(inHTML: Array("<<<link".utf8), pageURL: page).isEmpty)
    }
}

struct FetchSnifferTests {
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", FeedSniffer.Kind?.some(.rss)),
        ("\u{FEFF}<?xml version='1.0'?><!-- hi --><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .some(.atom)),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", .some(.rdf)),
        ("  {\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", .some(.json)),
        ("<!DOCTYPE html><html><head></head></html>", nil),
        ("{\"not\": \"a feed\"}", nil),
        ("", nil),
        ("plain text", nil),
    ])
    func tellsFeedsFromPages(text: String, expected: FeedSniffer.Kind?) {
        #expect(FeedSniffer.kind(of: Array(text.utf8)) == expected)
    }
}

@Suite(.serialized)
struct FetchDiscovererTests {
    static let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><title>B</title></channel></rss>"#

    func discoverer() throws -> FeedDiscoverer {
        FeedDiscoverer(fetcher: try FeedFetcher(configuration: FetchEngineTests.configuration()))
    }

    @Test func linkedFeedsComeFirst() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/", "body": #"<html><head><link rel="alternate" type="application/rss+xml" href="/posts.rss"></head></html>"#],
            ["path": "/feed", "body": Self.rss],
        ])
        let report = try await discoverer().discover(server.url("/"))
        #expect(report.feeds == [DiscoveredFeed(url: server.url("/posts.rss"), type: "application/rss+xml", source: .linked)])
        #expect(report.probes.isEmpty)
        #expect(try server.requests().map(\.path) == ["/"])
    }

    @Test func conventionalPathsAreTriedWhenNothingIsLinked() async throws {
        let server = try FetchTestServer(routes: [
            ["path": "/blog/", "body": "<html><head><title>no feeds here</title></head></html>"],
            ["path": "/rss.xml", "body": "<html>a page, not a feed</html>"],
            ["path": "/atom.xml", "status": 301, "redirect": "/feeds/atom"],
            ["path": "/feeds/atom", "body": #"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>"#],
            ["path": "/feed.json", "body": #"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": []}"#],
        ])
        let report = try await discoverer().discover(server.url("/blog/"))
        #expect(report.feeds == [
            DiscoveredFeed(url: server.url("/feeds/atom"), type: "atom", source: .probed),
            DiscoveredFeed(url: server.url("/feed.json"), type: "json", source: .probed),
        ])
        #expect(report.probes.map(\.requestedURL) == FeedDiscoverer.conventionalPaths.map { server.url($0) })
    }

    @Test func aFeedURLIsItsOwnDiscovery() async throws {
        let server = try FetchTestServer(routes: [["path": "/f", "body": Self.rss]])
        let report = try await discoverer().discover(server.url("/f"))
        #expect(report.feeds == [DiscoveredFeed(url: server.url("/f"), type: "rss", source: .itself)])
    }

    @Test func nothingFoundAndFailedPages() async throws {
        let server = try FetchTestServer(routes: [["path": "/", "body": "<html></html>"], ["path": "/down", "status": 500]])
        let empty = try await discoverer().discover(server.url("/"))
        #expect(empty.feeds.isEmpty)
        #expect(empty.probes.count == 5)
        let failed = try await discoverer().discover(server.url("/down"))
        #expect(failed.page.failure?.kind == .httpStatus(500))
        #expect(failed.feeds.isEmpty)
    }
}

@Suite(.serialized)
struct FetchCheckReportTests {
    @Test func explainsRedirectsCachingSizeAndTheParse() async throws {
        let rss = #"<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item><title>A &amp; B</title></item><item><title>C</title></item></channel></rss>"#
        let server = try FetchTestServer(routes: [
            ["path": "/old", "status": 308, "redirect": "/feed"],
            ["path": "/feed", "body": rss, "encoding": "gzip", "etag": "\"v9\"",
             "headers": ["Content-Type": "application/rss+xml", "Cache-Control": "max-age=900"]],
            ["path": "/broken", "body": "<rss version=\"2.0\"><channel><title>x & y</title>"],
        ])
        let fetcher = try FeedFetcher(configuration: FetchEngineTests.configuration())
        let result = await fetcher.fetch(server.url("/old"))
        let body = try #require(result.body)
        let report = FeedCheckReport(result: result, feed: FeedParser.parse(body, contentType: result.contentType, url: result.finalURL))
        let text = report.text
        #expect(text.contains("308 \(server.url("/old")) -> \(server.url("/feed")) (permanent)"))
        #expect(text.contains("200 OK (HTTP/1.1)"))
        #expect(text.contains("ETag \"v9\""))
        #expect(text.contains("Cache-Control max-age=900"))
        #expect(text.contains("Encoding   gzip") || text.contains("gzip"))
        #expect(text.contains("\(body.count) bytes body"))
        #expect(text.contains("Entries    2") || text.contains("Entries  2"))
        #expect(text.contains("Bozo") && text.contains("no"))

        let json = try report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["status"] as? Int == 200)
        #expect(object["permanent_redirect"] as? String == server.url("/feed"))
        #expect((object["feed"] as? [String: Any])?["entries"] as? Int == 2)

        let broken = await fetcher.fetch(server.url("/broken"))
        let brokenReport = FeedCheckReport(result: broken, feed: FeedParser.parse(try #require(broken.body)))
        #expect(brokenReport.text.contains("Bozo") && brokenReport.text.contains("yes: "))
    }

    @Test func failedFetchHasNoFeedSection() async throws {
        let fetcher = try FeedFetcher(configuration: FetchEngineTests.configuration())
        let result = await fetcher.fetch("http://127.0.0.1:\(try FetchEngineTests.closedPort())/feed")
        let report = FeedCheckReport(result: result, feed: nil)
        #expect(report.text.contains("failed: could not connect"))
        #expect(!report.text.contains("Entries"))
        #expect(report.text.split(separator: "\n").allSatisfy { !$0.isEmpty })
    }
}
