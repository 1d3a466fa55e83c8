import Foundation
import VigilFeeds
import VigilStore

/// The first stage of a poll: fetches a feed (each of its addresses, for a
/// search template), parses what came back, reduces each entry to its text
/// and identity, and works out the feed's next state. It reads nothing
/// from the store.
public struct EntryStage: Sendable {
    public let fetcher: FeedFetcher
    public let stateUpdate: FeedStateUpdate

    public init(fetcher: FeedFetcher, stateUpdate: FeedStateUpdate) {
        self.fetcher = fetcher
        self.stateUpdate = stateUpdate
    }

    /// Throws `CancellationError` when a shutdown stopped a fetch: that says
    /// nothing about the feed, so nothing is recorded and the next run
    /// fetches it again.
    public func fetch(_ feed: FeedRecord, watchlist: WatchlistSnapshot, now: Date) async throws -> PolledFeed {
        let urls: [String]
        if feed.kind == .query {
            let template = try? QueryFeedTemplate(feed.url)
            urls = template?.urls(for: watchlist.queryTerms(kinds: feed.queryTerms, pattern: feed.queryTermPattern)) ?? []
        } else {
            urls = [feed.url]
        }

        var results: [FetchResult] = []
        for url in urls {
            try Task.checkCancellation()
            let request = feed.kind == .feed
                ? FetchRequest(url: url, etag: feed.etag, lastModified: feed.lastModified)
                : FetchRequest(url: url)
            results.append(await fetcher.fetch(request))
        }
        if Task.isCancelled || results.contains(where: { $0.failure?.kind == .cancelled }) {
            throw CancellationError()
        }

        var parsedFeeds: [ParsedFeed] = []
        var entries: [PreparedEntry] = []
        for result in results {
            guard let body = result.body else { continue }
            let parsed = FeedParser.parse(body, contentType: result.contentType, url: result.finalURL)
            parsedFeeds.append(parsed)
            entries.append(contentsOf: parsed.entries.map(PreparedEntry.init))
        }

        var generator = SystemRandomNumberGenerator()
        var next = stateUpdate.apply(to: feed, results: results, parsed: parsedFeeds, now: now, using: &generator)
        if let bozo = parsedFeeds.first(where: \.bozo)?.bozoReason, next.lastError == nil {
            next.lastError = "read despite errors: \(bozo)"
        }
        let detail = entries.isEmpty
            ? next.lastError ?? results.first?.summary ?? "nothing to fetch"
            : results.first { $0.isSuccess }?.summary ?? ""
        let failed = entries.isEmpty && !results.isEmpty && results.allSatisfy { !$0.isSuccess }
        return PolledFeed(feed: feed, next: next, entries: entries, failed: failed, detail: detail)
    }
}
