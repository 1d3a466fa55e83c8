import Foundation
import Logging
import VigilFeeds
import VigilStore
import VigilText

/// Subscribes the feed of a site an attack came from, so the attacker's
/// next posts are polled like any feed: the page's own
/// `<link rel="alternate">` first, then the site's front page and the
/// usual paths (`FeedDiscoverer`), all at public addresses only unless the
/// poll settings allow private ones. The feed is tagged `followed` and
/// remembers the finding and the account that led to it.
public struct AttackerFollowing: Sendable {
    public let store: Store
    public let discoverer: FeedDiscoverer
    public let intervalSeconds: Int
    public let logger: Logger

    public init(store: Store, discoverer: FeedDiscoverer, intervalSeconds: Int, logger: Logger) {
        self.store = store
        self.discoverer = discoverer
        self.intervalSeconds = intervalSeconds
        self.logger = logger
    }

    /// The URL of the feed subscribed, or nil when none was found or the
    /// site's feed is already in the list.
    public func subscribe(site pageURL: String, page: [UInt8], findingID: Int64, account: String?, now: Date) async throws -> String? {
        guard let address = try? FeedURL(pageURL) else { return nil }
        var found = FeedLinkExtractor.feeds(inHTML: page, pageURL: address)
        if found.isEmpty, let root = try? address.resolving("/") {
            found = await discoverer.discover(root.absoluteString, origin: .discovered).feeds
        }
        try Task.checkCancellation()
        guard let feed = found.first else {
            logger.info("no feed found on the site of an attack", metadata: ["page": "\(URLRedaction.redacted(pageURL))", "finding": "\(findingID)"])
            return nil
        }
        let siteURL = (try? address.resolving("/"))?.absoluteString
        let reason = "followed: finding #\(findingID) attacks from \(pageURL)" + (account.map { ", linked by @\($0) on GitHub" } ?? "")
        guard let record = try store.subscribeFollowedFeed(
            url: feed.url, title: feed.title, siteURL: siteURL, reason: reason, findingID: findingID, account: account,
            intervalSeconds: intervalSeconds, now: now)
        else { return nil }
        logger.notice("subscribed the feed of an attacker's site", metadata: [
            "feed": "\(URLRedaction.redacted(record.url))", "finding": "\(findingID)", "account": "\(account ?? "")",
        ])
        return record.url
    }
}
