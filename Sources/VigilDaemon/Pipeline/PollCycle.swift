import Foundation
import Logging
import VigilFeeds
import VigilStore
import VigilText

/// One pass over the feeds that are due (or all of them), with a bounded
/// number of feeds in the pipeline at once: the next feed starts only when one
/// finishes, so memory stays flat however long the feed list is. Feeds of one
/// host are spread across the pass (`HostInterleaving`), so that politeness
/// gaps do not hold the pipeline's places.
///
/// A pass over due feeds that runs out of feeds looks once more for feeds
/// that fell due meanwhile (one added with the CLI, say) and takes them
/// too, so a new feed does not wait for a long cycle to end.
///
/// On PostgreSQL, where several workers share the feeds, a pass takes due
/// feeds a batch at a time, leased to this worker (`Store.leaseFeedsToPoll`),
/// and takes the next batch as places free: the workers divide the due
/// feeds between them as they go, each feed polled by one of them, and a
/// feed is out of the others' reach only while this worker has it in hand.
/// Such a pass is always over due feeds: the workers share one schedule.
public struct PollCycle: Sendable {
    public let poller: FeedPoller
    public let maxFeedsInFlight: Int
    public let logger: Logger
    /// The GitHub source, polled beside the feeds; nil when not wired.
    public let github: GitHubPoller?
    /// Follows the links the cycle queued, after the feeds; nil follows none.
    public let links: LinkFollower?

    public init(poller: FeedPoller, maxFeedsInFlight: Int, logger: Logger, github: GitHubPoller? = nil, links: LinkFollower? = nil) {
        self.github = github
        self.links = links
        self.poller = poller
        self.maxFeedsInFlight = max(1, maxFeedsInFlight)
        self.logger = logger
    }

    /// Runs the cycle. A result that cannot be stored stops it: no further
    /// feed is started (their results could not be kept either), the feeds in
    /// flight finish, and the report's `storeFailure` says why, so that
    /// `vigil poll --once` can fail and the daemon can log it and retry later.
    public func run(dueOnly: Bool, watchlist: WatchlistSnapshot, now: Date = Date()) async throws -> CycleReport {
        let store = poller.store
        var cycle = try store.startCycle(at: now)
        let leasing = store.databaseKind == .postgreSQL
        let dueOnly = dueOnly || leasing
        let batch = maxFeedsInFlight * 2
        let feeds = HostInterleaving.interleaved(
            leasing ? try store.leaseFeedsToPoll(now: now, limit: batch) : try store.feedsToPoll(now: now, dueOnly: dueOnly))
        var report = CycleReport(startedAt: now, finishedAt: now)
        logger.debug("cycle started", metadata: ["feeds": "\(feeds.count)", "due_only": "\(dueOnly)"])
        // The repositories are polled beside the feeds, one at a time (GitHub
        // asks API clients not to send requests concurrently), so their pace
        // never holds the feeds; the links their comments queue are followed
        // at the end of this same cycle.
        async let repositories = pollRepositories(dueOnly: dueOnly, watchlist: watchlist, now: now)

        try await withThrowingTaskGroup(of: FeedPollReport.self) { group in
            var pending = feeds[...]
            var taken = Set(feeds.compactMap(\.id))
            // At most one look a second: the tail of a cycle frees many places at once.
            var lastLook = ContinuousClock.now
            var lastClaimFound = true
            func startNext() {
                guard report.storeFailure == nil else { return }
                if pending.isEmpty, leasing, lastClaimFound || ContinuousClock.now - lastLook >= .seconds(1) {
                    lastLook = ContinuousClock.now
                    let fresh = ((try? store.leaseFeedsToPoll(now: Date(), limit: batch)) ?? []).filter { feed in
                        feed.id.map { taken.insert($0).inserted } ?? false
                    }
                    lastClaimFound = !fresh.isEmpty
                    pending = HostInterleaving.interleaved(fresh)[...]
                } else if pending.isEmpty, dueOnly, !leasing, ContinuousClock.now - lastLook >= .seconds(1) {
                    lastLook = ContinuousClock.now
                    let fresh = ((try? store.feedsToPoll(now: Date(), dueOnly: true)) ?? []).filter { feed in
                        feed.id.map { taken.insert($0).inserted } ?? false
                    }
                    if !fresh.isEmpty {
                        logger.debug("feeds fell due during the cycle", metadata: ["feeds": "\(fresh.count)"])
                        pending = HostInterleaving.interleaved(fresh)[...]
                    }
                }
                guard let feed = pending.popFirst() else { return }
                group.addTask {
                    do {
                        return try await poller.poll(feed, watchlist: watchlist, now: Date())
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        return FeedPollReport(
                            feedURL: feed.url, failed: true, detail: "could not store the poll: \(error)", storeFailed: true)
                    }
                }
            }
            for _ in 0..<maxFeedsInFlight { startNext() }
            while let feedReport = try await group.next() {
                report.feedsPolled += 1
                report.entries += feedReport.entries
                report.summary = report.summary + feedReport.summary
                if feedReport.storeFailed, report.storeFailure == nil {
                    report.storeFailure = feedReport.detail
                    logger.error("cycle stopped: a poll's results could not be stored; the rest waits for the next cycle", metadata: [
                        "error": "\(URLRedaction.redactingURLs(in: feedReport.detail))",
                        "feeds_left": "\(pending.count)",
                    ])
                }
                if feedReport.failed {
                    report.feedsFailed += 1
                    logger.warning("feed failed", metadata: [
                        "feed": "\(URLRedaction.redacted(feedReport.feedURL))",
                        "error": "\(URLRedaction.redactingURLs(in: feedReport.detail))",
                    ])
                } else {
                    logger.debug("feed polled", metadata: [
                        "feed": "\(URLRedaction.redacted(feedReport.feedURL))", "entries": "\(feedReport.entries)",
                        "new_items": "\(feedReport.summary.itemsNew)", "new_findings": "\(feedReport.summary.findingsNew)",
                    ])
                }
                report.feeds.append(feedReport)
                startNext()
            }
        }

        let github = try await repositories
        report.repositories = github.reports
        for one in github.reports { report.summary = report.summary + one.summary }
        if report.storeFailure == nil { report.storeFailure = github.storeFailure }

        if let links, report.storeFailure == nil {
            do {
                report.links = try await links.run(watchlist: watchlist)
                report.summary = report.summary + report.links.summary
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                report.storeFailure = "could not store a followed link: \(error)"
                logger.error("followed links stopped: a result could not be stored", metadata: ["error": "\(error)"])
            }
            if report.links.followed > 0 {
                logger.info("links followed", metadata: [
                    "links": "\(report.links.followed)", "failed": "\(report.links.failed)",
                    "new_findings": "\(report.links.summary.findingsNew)",
                    "feeds_subscribed": "\(report.links.feedsSubscribed.count)",
                ])
            }
        }

        report.finishedAt = Date()
        cycle.finishedAt = report.finishedAt
        cycle.feedsPolled = report.feedsPolled
        cycle.feedsFailed = report.feedsFailed
        cycle.itemsNew = report.summary.itemsNew
        cycle.findingsNew = report.summary.findingsNew
        do {
            try store.finishCycle(cycle)
            if leasing { try store.recordWorkerCycle(at: report.finishedAt, feeds: report.feedsPolled) }
        } catch {
            // When the store already failed this cycle, its report says why.
            guard report.storeFailure != nil else { throw error }
        }
        logger.info("cycle finished", metadata: [
            "feeds": "\(report.feedsPolled)", "failed": "\(report.feedsFailed)", "new_items": "\(report.summary.itemsNew)",
            "new_findings": "\(report.summary.findingsNew)", "alerts": "\(report.summary.alertsQueued)",
            "seconds": "\(String(format: "%.2f", report.duration))",
        ])
        return report
    }

    /// Polls the due repositories in turn; a poll that cannot be stored
    /// stops the rest, as a feed's does.
    private func pollRepositories(
        dueOnly: Bool, watchlist: WatchlistSnapshot, now: Date
    ) async throws -> (reports: [GitHubPollReport], storeFailure: String?) {
        guard let github else { return ([], nil) }
        var reports: [GitHubPollReport] = []
        for repository in try poller.store.githubRepositoriesToPoll(now: now, dueOnly: dueOnly) {
            try Task.checkCancellation()
            let one: GitHubPollReport
            do {
                one = try await github.poll(repository, watchlist: watchlist, now: Date())
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                logger.error("a repository's poll could not be stored; the rest waits for the next cycle", metadata: ["error": "\(error)"])
                return (reports, "could not store the poll of \(repository.repo): \(error)")
            }
            reports.append(one)
            if let failure = one.failure {
                logger.warning("GitHub repository failed", metadata: ["repo": "\(one.repo)", "error": "\(failure)"])
            } else {
                logger.debug("GitHub repository polled", metadata: [
                    "repo": "\(one.repo)", "requests": "\(one.requests)", "not_modified": "\(one.notModified)",
                    "comments": "\(one.comments)", "new_findings": "\(one.summary.findingsNew)",
                ])
            }
        }
        return (reports, nil)
    }
}
