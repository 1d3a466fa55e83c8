/// Finds the feeds of a site: the page itself when it is a feed, else its
/// `<link rel="alternate">` feeds, else whichever conventional paths answer with a feed.
public struct FeedDiscoverer: Sendable {
    /// Paths tried, at the site's root, when a page links no feed.
    public static let conventionalPaths = ["/feed", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json"]

    public let fetcher: FeedFetcher

    public init(fetcher: FeedFetcher) {
        self.fetcher = fetcher
    }

    /// What discovery saw: the page's own fetch, and the feeds found.
    public struct Report: Sendable {
        public var page: FetchResult
        public var feeds: [DiscoveredFeed]
        /// The conventional URLs tried and how each ended, when probing happened.
        public var probes: [FetchResult]
    }

    /// `origin` says who named the page: the operator (`feeds add`), or
    /// vigil itself following a trail, when every connection must be public.
    public func discover(_ pageURL: String, origin pageOrigin: FetchRequest.Origin = .configured) async -> Report {
        let page = await fetcher.fetch(FetchRequest(url: pageURL, origin: pageOrigin))
        guard let body = page.body, let finalURL = try? FeedURL(page.finalURL) else {
            return Report(page: page, feeds: [], probes: [])
        }
        if let kind = FeedSniffer.kind(of: body, contentType: page.contentType) {
            return Report(page: page, feeds: [DiscoveredFeed(url: page.finalURL, type: kind.rawValue, source: .itself)], probes: [])
        }
        let linked = FeedLinkExtractor.feeds(inHTML: body, pageURL: finalURL)
        guard linked.isEmpty else { return Report(page: page, feeds: linked, probes: []) }

        let candidates = Self.conventionalPaths.compactMap { try? finalURL.resolving($0).absoluteString }
        // Probes on the host the person named are theirs; on a host a redirect led to, vigil's own.
        let origin: FetchRequest.Origin = pageOrigin == .configured && (try? FeedURL(pageURL))?.host == finalURL.host ? .configured : .discovered
        let probes = await withTaskGroup(of: (Int, FetchResult).self) { group in
            for (index, candidate) in candidates.enumerated() {
                group.addTask { (index, await fetcher.fetch(FetchRequest(url: candidate, origin: origin))) }
            }
            var results: [(Int, FetchResult)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var seen = Set<String>()
        var feeds: [DiscoveredFeed] = []
        for probe in probes {
            guard let body = probe.body, let kind = FeedSniffer.kind(of: body, contentType: probe.contentType),
                  seen.insert(probe.finalURL).inserted else { continue }
            feeds.append(DiscoveredFeed(url: probe.finalURL, type: kind.rawValue, source: .probed))
        }
        return Report(page: page, feeds: feeds, probes: probes)
    }
}
