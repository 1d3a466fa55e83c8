import Foundation
import Logging
import VigilFeeds
import VigilStore
import VigilText

/// Follows the links queued by polls, each URL once: fetches the page
/// (public addresses only, unless the poll settings allow private ones),
/// takes its article text and scores it as an item of the site's own feed
/// row. A page that turns out to attack someone, or that a comment which
/// attacks someone linked to, leads vigil to the site's feed
/// (`AttackerFollowing`), which is then polled like any other.
///
/// Bounded: at most `maximumPerCycle` links a cycle and `maximumPerHost` of
/// one host; the rest wait in the queue for the next cycle.
public struct LinkFollower: Sendable {
    public let store: Store
    public let fetcher: FeedFetcher
    public let poller: FeedPoller
    public let following: AttackerFollowing
    public var maximumPerCycle: Int
    public var maximumPerHost: Int
    public let logger: Logger

    public init(
        store: Store, fetcher: FeedFetcher, poller: FeedPoller, following: AttackerFollowing,
        maximumPerCycle: Int = 20, maximumPerHost: Int = 3, logger: Logger
    ) {
        self.store = store
        self.fetcher = fetcher
        self.poller = poller
        self.following = following
        self.maximumPerCycle = maximumPerCycle
        self.maximumPerHost = maximumPerHost
        self.logger = logger
    }

    /// Follows the queued links, a few at once.
    public func run(watchlist: WatchlistSnapshot, now: Date = Date()) async throws -> LinkFollowReport {
        let links = try store.pendingLinks(limit: maximumPerCycle, perHost: maximumPerHost)
        var report = LinkFollowReport()
        guard !links.isEmpty else { return report }
        try await withThrowingTaskGroup(of: LinkFollowReport.self) { group in
            var pending = links[...]
            func startNext() {
                guard let link = pending.popFirst() else { return }
                group.addTask { try await follow(link, watchlist: watchlist) }
            }
            for _ in 0..<4 { startNext() }
            while let one = try await group.next() {
                report = report + one
                startNext()
            }
        }
        return report
    }

    private func follow(_ link: FollowedLinkRecord, watchlist: WatchlistSnapshot) async throws -> LinkFollowReport {
        var report = LinkFollowReport()
        report.followed = 1
        guard let id = link.id else { return report }
        let result = await fetcher.fetch(FetchRequest(url: link.url, origin: .discovered))
        if result.failure?.kind == .cancelled || Task.isCancelled { throw CancellationError() }
        let now = Date()
        guard let body = result.body else {
            let detail = result.failure.map(\.description) ?? "no body"
            try store.finishLink(id: id, state: .failed, detail: detail, at: now)
            report.failed = 1
            logger.info("followed link failed", metadata: ["url": "\(URLRedaction.redacted(link.url))", "error": "\(detail)"])
            return report
        }
        if FeedSniffer.kind(of: body, contentType: result.contentType) != nil {
            try store.finishLink(id: id, state: .fetched, detail: "a feed, not a page: not read as one", at: now)
            return report
        }
        let article = ArticleExtractor().article(fromHTML: body, pageURL: result.finalURL)
        guard let pageURL = URL(string: result.finalURL), let scheme = pageURL.scheme, let host = pageURL.host else {
            try store.finishLink(id: id, state: .failed, detail: "no address to file the page under", at: now)
            report.failed = 1
            return report
        }
        let authority = pageURL.port.map { "\(host):\($0)" } ?? host
        let feed = try store.sourceFeed(
            .page, url: "\(scheme)://\(authority)/#followed-pages", title: "Pages followed on \(authority)",
            siteURL: "\(scheme)://\(authority)/", now: now)
        var text = article.title ?? ""
        if !article.text.isEmpty { text += text.isEmpty ? article.text : "\n\n" + article.text }
        let entry = PreparedEntry(
            key: EntryKey(dedupeKey: result.finalURL, contentHash: ContentHash.hex(of: text)), url: result.finalURL,
            title: article.title, author: article.author, publishedAt: article.publishedAt, text: text,
            account: link.linkedBy, links: article.links)
        var state = feed
        state.lastPolledAt = now
        state.lastSuccessAt = now
        state.lastStatus = result.status
        let polled = PolledFeed(feed: feed, next: state, entries: [entry], failed: false, detail: "followed \(result.finalURL)")
        let pollReport = try poller.process(polled, watchlist: watchlist, now: now)
        report.summary = pollReport.summary
        try store.finishLink(
            id: id, state: .fetched,
            detail: pollReport.summary.findingsNew > 0 ? "\(pollReport.summary.findingsNew) findings" : "read", at: now)

        // The site of an attack, or of a page an attacking comment linked
        // to, is the attacker's: follow its feed.
        var attack = pollReport.attacks.first
        if attack == nil, let from = link.fromUrl, let findingID = try store.attackFindingID(itemURL: from) {
            attack = FeedPollReport.Attack(findingID: findingID, itemURL: from)
        }
        if let attack {
            if let subscribed = try await following.subscribe(
                site: result.finalURL, page: body, findingID: attack.findingID, account: link.linkedBy, now: now) {
                report.feedsSubscribed.append(subscribed)
            }
        }
        return report
    }
}
