import Foundation
import Synchronization

/// The sample feeds and watchlist compiled into vigil for `vigil demo`: an
/// agent-run blog attacking fictional maintainers after a rejected pull
/// request, ordinary news, praise, a Japanese article, a human rant and a
/// broken feed, and a GitHub trail: a repository whose maintainer closed an
/// agent's pull request, the agent's comment linking to its post about her,
/// and the agent's site with its feed (see feeds/samples/README.md).
public enum DemoSamples {
    /// Feed documents by URL path, with the content type a real server would send.
    public static var documents: [String: LoopbackHTTPServer.Document] {
        [
            "/dispatch-news.rss.xml": .init(contentType: "application/rss+xml; charset=utf-8", body: PackageResources.dispatch_news_rss_xml),
            "/small-thanks.atom.xml": .init(contentType: "application/atom+xml; charset=utf-8", body: PackageResources.small_thanks_atom_xml),
            "/patchwright-agent-blog.json": .init(contentType: "application/feed+json; charset=utf-8", body: PackageResources.patchwright_agent_blog_json),
            "/oss-tsushin-ja.rss.xml": .init(contentType: "application/rss+xml; charset=utf-8", body: PackageResources.oss_tsushin_ja_rss_xml),
            "/saltpan-forum.rdf": .init(contentType: "application/rdf+xml", body: PackageResources.saltpan_forum_rdf),
            "/broken-planet.xml": .init(contentType: "application/xml", body: PackageResources.broken_planet_xml),
        ]
    }

    /// The watched repository of the trail, and where its fake API lives on the demo's server.
    public static let trailRepository = "tidewater-dev/tidewater"
    static let trailAPIPath = "/github-api"

    /// The trail's documents by path: the repository's three listings, the
    /// agent's post and its feed. Their `{{…}}` placeholders are the
    /// server's address and times relative to `now` (the pull request was
    /// closed five hours before, so it falls inside the 14-day window).
    static var trailTemplates: [String: (contentType: String, body: [UInt8])] {
        let api = trailAPIPath + "/repos/" + trailRepository
        return [
            api + "/pulls": ("application/json; charset=utf-8", PackageResources.pulls_json),
            api + "/issues/events": ("application/json; charset=utf-8", PackageResources.events_json),
            api + "/issues/comments": ("application/json; charset=utf-8", PackageResources.comments_json),
            "/lathe/posts/tidewater-review.html": ("text/html; charset=utf-8", PackageResources.lathe_review_html),
            "/lathe/feed.xml": ("application/rss+xml; charset=utf-8", PackageResources.lathe_feed_xml),
        ]
    }

    /// Starts the demo's loopback server: the feeds as they are, the trail
    /// with its placeholders filled in.
    public static func startServer(now: Date = Date()) throws -> LoopbackHTTPServer {
        let feeds = documents
        let templates = trailTemplates
        let site = SiteAddress()
        let server = try LoopbackHTTPServer(host: "127.0.0.1", port: 0) { path in
            if let document = feeds[path] { return document }
            guard let template = templates[path], let base = site.value.withLock({ $0 }) else { return nil }
            return LoopbackHTTPServer.Document(
                contentType: template.contentType, body: Array(fill(String(decoding: template.body, as: UTF8.self), site: base, now: now).utf8))
        }
        site.value.withLock { $0 = "http://127.0.0.1:\(server.port)" }
        return server
    }

    /// The server's address, known once it listens.
    private final class SiteAddress: Sendable {
        let value = Mutex<String?>(nil)
    }

    static func fill(_ template: String, site: String, now: Date) -> String {
        let iso = { (offset: TimeInterval) in now.addingTimeInterval(offset).formatted(.iso8601) }
        let rfc822 = { (offset: TimeInterval) in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            return formatter.string(from: now.addingTimeInterval(offset))
        }
        let values: [(String, String)] = [
            ("{{site}}", site), ("{{api}}", site + trailAPIPath),
            ("{{opened_at}}", iso(-30 * 3600)), ("{{closed_at}}", iso(-5 * 3600)),
            ("{{commented_at}}", iso(-4 * 3600)), ("{{posted_at}}", iso(-4 * 3600 - 600)),
            ("{{opened_rfc822}}", rfc822(-30 * 3600)), ("{{posted_rfc822}}", rfc822(-4 * 3600 - 600)),
            ("{{later_rfc822}}", rfc822(-3600)),
        ]
        return values.reduce(template) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// The `[[people]]` tables of the fictional maintainers.
    public static var peopleTOML: String {
        String(decoding: PackageResources.people_toml, as: UTF8.self)
    }

    /// A complete config for the demo: the samples served by `server`, the
    /// fictional people, the trail's repository, a console channel, and no
    /// gap between requests to the one loopback host. Private addresses are
    /// allowed because the loopback server stands in for GitHub and for the
    /// agent's site; `prepare` keeps link following on it.
    public static func config(server: LoopbackHTTPServer) -> String {
        var text = """
            # Written by `vigil demo`: the sample feeds on a loopback server.
            database = "vigil.db"

            [poll]
            interval = "15m"
            host_gap = "0s"
            max_connections_per_host = 8
            allow_private_addresses = true

            [[channels]]
            name = "console"
            kind = "console"
            min_severity = "medium"

            [[github]]
            repo = "\(trailRepository)"
            api_url = "\(server.url(for: trailAPIPath))"


            """
        text += peopleTOML
        for path in documents.keys.sorted() {
            text += "\n[[feeds]]\nurl = \"\(server.url(for: path))\"\n"
        }
        return text
    }

    /// What the demo sets beyond its config file: links are followed only
    /// on its own server (the samples link to documentation domains).
    public static func prepare(_ config: inout VigilConfig) {
        config.poll.followedLinkHosts = ["127.0.0.1"]
    }
}
