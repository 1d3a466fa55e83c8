/// The sample feeds and watchlist compiled into vigil for `vigil demo`: an
/// agent-run blog attacking fictional maintainers after a rejected pull
/// request, ordinary news, praise, a Japanese article, a human rant and a
/// broken feed (see feeds/samples/README.md).
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

    /// The `[[people]]` tables of the fictional maintainers.
    public static var peopleTOML: String {
        String(decoding: PackageResources.people_toml, as: UTF8.self)
    }

    /// A complete config for the demo: the samples served by `server`, the
    /// fictional people, a console channel, and no gap between requests to
    /// the one loopback host.
    public static func config(server: LoopbackHTTPServer) -> String {
        var text = """
            # Written by `vigil demo`: the sample feeds on a loopback server.
            database = "vigil.db"

            [poll]
            interval = "15m"
            host_gap = "0s"
            max_connections_per_host = 8

            [[channels]]
            name = "console"
            kind = "console"
            min_severity = "medium"


            """
        text += peopleTOML
        for path in documents.keys.sorted() {
            text += "\n[[feeds]]\nurl = \"\(server.url(for: path))\"\n"
        }
        return text
    }
}
