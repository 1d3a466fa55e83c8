import Foundation
import VigilFeeds
import VigilScoring
import VigilStore
import VigilText

/// Polls one feed through the whole pipeline: fetch, parse, extract, match,
/// score, and store the result in one transaction.
///
/// Entries seen before with the same content are not matched or scored
/// again; an edited entry is re-scored and its findings updated in place.
/// Every new or edited entry keeps its agent score, mentions or not, so that
/// the source prior sees everything its feed and author publish.
public struct FeedPoller: Sendable {
    public let store: Store
    public let fetcher: FeedFetcher
    public let scoring: ScoringStep
    public let stateUpdate: FeedStateUpdate
    /// Alerts to queue for a feed poll's new and escalated findings; runs inside the store's transaction.
    public let route: @Sendable ([StoredFinding]) throws -> [RoutedAlert]
    /// Links coverage to the attacks it reports on; runs inside the store's transaction.
    public let linking: CoverageLinking

    public init(
        store: Store, fetcher: FeedFetcher, scoring: ScoringStep, stateUpdate: FeedStateUpdate,
        route: @escaping @Sendable ([StoredFinding]) throws -> [RoutedAlert], linking: CoverageLinking = CoverageLinking()
    ) {
        self.store = store
        self.fetcher = fetcher
        self.scoring = scoring
        self.stateUpdate = stateUpdate
        self.route = route
        self.linking = linking
    }

    public func poll(_ feed: FeedRecord, watchlist: WatchlistSnapshot, now: Date = Date()) async throws -> FeedPollReport {
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
        // A fetch stopped by a shutdown says nothing about the feed: nothing is
        // recorded, and the next run fetches it again.
        if Task.isCancelled || results.contains(where: { $0.failure?.kind == .cancelled }) {
            throw CancellationError()
        }

        var parsedFeeds: [ParsedFeed] = []
        var prepared: [PreparedEntry] = []
        for result in results {
            guard let body = result.body else { continue }
            let parsed = FeedParser.parse(body, contentType: result.contentType, url: result.finalURL)
            parsedFeeds.append(parsed)
            prepared.append(contentsOf: parsed.entries.map(PreparedEntry.init))
        }

        var generator = SystemRandomNumberGenerator()
        var next = stateUpdate.apply(to: feed, results: results, parsed: parsedFeeds, now: now, using: &generator)
        if next.url != feed.url, try store.feed(url: next.url) != nil {
            // The feed moved to an address already polled as its own feed.
            let target = next.url
            next.url = feed.url
            next.enabled = false
            next.disabledReason = "moved permanently to \(target), which is already in the feed list"
        }
        if let bozo = parsedFeeds.first(where: \.bozo)?.bozoReason, next.lastError == nil {
            next.lastError = "read despite errors: \(bozo)"
        }

        guard !prepared.isEmpty else {
            try store.updateFeed(next)
            let failed = results.allSatisfy { !$0.isSuccess } && !results.isEmpty
            return FeedPollReport(feedURL: feed.url, failed: failed, detail: next.lastError ?? results.first?.summary ?? "nothing to fetch")
        }

        let statuses = try store.entryStatuses(feedID: feed.id!, keys: prepared.map(\.key))
        // Every new or edited entry is scored for agent authorship first (the
        // agent model is cheap, and the source prior of this poll's
        // mentions counts this poll's earlier posts), then the entries that
        // mention someone are scored in full with their prior.
        let workspace = scoring.scorer.makeWorkspace()
        var scores = PollScores(time: now)
        var keysInThisPoll = Set<String>()
        var contentInThisPoll = Set<String>()
        var mentioning: [Int] = []
        var ingests: [ItemIngest] = []
        ingests.reserveCapacity(prepared.count)
        for (entry, status) in zip(prepared, statuses) {
            var ingest = ItemIngest(
                key: entry.key, status: status, url: entry.url, title: entry.title, author: entry.author,
                publishedAt: entry.publishedAt, text: entry.text)
            // The store keeps the first entry of a key and new content once
            // (`Store.commitPoll`); the rest is not scored, and this poll's
            // scores hold what the store will.
            guard keysInThisPoll.insert(entry.key.dedupeKey).inserted else {
                ingests.append(ingest)
                continue
            }
            let repeated = !contentInThisPoll.insert(entry.key.contentHash).inserted
            switch status {
            case .new where repeated, .unchanged, .duplicateContent:
                break
            case .new, .edited:
                let agent = scoring.agent(of: entry.text, workspace: workspace)
                ingest.agent = agent
                if case .edited(let itemID) = status {
                    scores.edited[itemID] = agent
                } else {
                    scores.new.append(PollScores.Entry(author: entry.author, published: entry.publishedAt ?? now, agent: agent))
                }
                if watchlist.matcher.containsMention(in: entry.text) { mentioning.append(ingests.count) }
            }
            ingests.append(ingest)
        }
        scores.orderNew()
        for index in mentioning {
            let entry = prepared[index]
            var firstSeen = now
            if case .edited(let itemID) = statuses[index] {
                // An edit is weighed against the history its first version had.
                firstSeen = try store.itemFirstSeen(id: itemID) ?? now
            }
            let cutoff = HistoryCutoff(firstSeen: firstSeen, published: entry.publishedAt)
            let prior = try SourceHistory.prior(for: next, author: entry.author, store: store, upTo: cutoff, poll: scores)
            ingests[index].findings = scoring.findings(for: entry.text, watchlist: watchlist, prior: prior, workspace: workspace)
        }
        try Task.checkCancellation()
        let summary = try store.commitPoll(feed: next, items: ingests, now: now, route: route, relate: linking.relate)
        return FeedPollReport(feedURL: feed.url, failed: false, detail: results.first { $0.isSuccess }?.summary ?? "", entries: prepared.count, summary: summary)
    }
}
