import Foundation
import Logging
import VigilGitHub
import VigilStore
import VigilText

/// Polls one watched GitHub repository: its closed pull requests and who
/// closed them (the correlation's facts), then its new and edited comments,
/// which go through the same stages as a feed's entries under the
/// repository's own feed row. Unchanged listings cost a 304 each.
///
/// A failure is recorded on the repository and ends its poll; nothing read
/// before it is lost, and the comments cursor moves only past what was stored.
public struct GitHubPoller: Sendable {
    public let store: Store
    public let source: GitHubSource
    public let poller: FeedPoller
    /// How long until a repository is polled again.
    public let interval: Duration
    public let logger: Logger

    public init(store: Store, source: GitHubSource, poller: FeedPoller, interval: Duration, logger: Logger) {
        self.store = store
        self.source = source
        self.poller = poller
        self.interval = interval
        self.logger = logger
    }

    public func poll(_ repository: GitHubRepositoryRecord, watchlist: WatchlistSnapshot, now: Date = Date()) async throws -> GitHubPollReport {
        var next = repository
        next.lastPolledAt = now
        next.nextPollAt = now.addingTimeInterval(Double(interval.components.seconds))
        var report = GitHubPollReport(repo: repository.repo)
        do {
            guard let repo = GitHubRepository(repository.repo), let repositoryID = repository.id else {
                throw DaemonError("\(repository.repo) is not a repository name")
            }
            let client = try source.client(for: repository, logger: logger)

            // Pull requests first, so that a comment on one closed in this
            // poll is already known to be on a pull request a person closed.
            var pulls: [PullRequestRecord] = []
            report.requests += 1
            switch try await client.closedPullRequests(repo: repo, etag: repository.pullsEtag) {
            case .notModified:
                report.notModified += 1
            case .modified(let listing):
                report.requests += listing.pagesRead - 1
                next.pullsEtag = listing.etag
                pulls = listing.records.map { pull in
                    PullRequestRecord(
                        repositoryId: repositoryID, number: pull.number, htmlUrl: pull.htmlURL, title: pull.title,
                        authorLogin: pull.author?.login, authorType: pull.author?.type, closedAt: pull.closedAt, mergedAt: pull.mergedAt)
                }
            }
            var closers: [Int: String] = [:]
            report.requests += 1
            switch try await client.issueEvents(repo: repo, etag: repository.eventsEtag) {
            case .notModified:
                report.notModified += 1
            case .modified(let listing):
                report.requests += listing.pagesRead - 1
                next.eventsEtag = listing.etag
                // Oldest first, so that a pull request closed twice names its last closer.
                for event in listing.records.sorted(by: { $0.createdAt < $1.createdAt })
                where event.event == "closed" && event.issue?.isPullRequest == true {
                    if let number = event.issue?.number, let login = event.actorLogin { closers[number] = login }
                }
            }
            try store.storePullRequests(pulls, closers: closers, repositoryID: repositoryID)
            try store.saveGitHubPollState(next)

            report.requests += 1
            switch try await client.comments(repo: repo, since: repository.commentsSince, etag: repository.commentsEtag) {
            case .notModified:
                report.notModified += 1
            case .modified(let listing):
                report.requests += listing.pagesRead - 1
                let closedByPeople = try store.pullRequestsClosedByWatchedPeople(repositoryID: repositoryID)
                let entries = listing.records.map { Self.entry(for: $0, closedByPeople: closedByPeople) }
                if !entries.isEmpty {
                    let feed = try store.sourceFeed(
                        .github, url: Self.feedURL(of: repository), title: "\(repository.repo) on GitHub",
                        siteURL: Self.siteURL(of: repository), now: now)
                    var state = feed
                    state.lastPolledAt = now
                    state.lastSuccessAt = now
                    state.lastStatus = 200
                    state.lastError = nil
                    let polled = PolledFeed(
                        feed: feed, next: state, entries: entries, failed: false,
                        detail: "\(entries.count) comments from \(repository.repo)")
                    let feedReport = try poller.process(polled, watchlist: watchlist, now: now)
                    report.comments = entries.count
                    report.summary = feedReport.summary
                    report.attacks = feedReport.attacks
                    report.linksQueued = feedReport.linksQueued
                }
                // The cursor moves to the newest update stored now (GitHub's
                // `since` is inclusive, so that comment is read again, and
                // found unchanged). The ETag goes along: for a moved cursor
                // it no longer matches and GitHub answers in full, once.
                if let newest = listing.records.map(\.updatedAt).max() {
                    next.commentsSince = max(newest, repository.commentsSince ?? newest)
                }
                next.commentsEtag = listing.etag
                if case .pageCap = listing.cutoff { next.nextPollAt = now }
            }
            next.lastError = nil
        } catch let error as GitHubError {
            next.lastError = error.description
            report.failure = error.description
            switch error {
            case .rateLimited(_, let resetAt): next.nextPollAt = max(next.nextPollAt ?? now, resetAt)
            case .secondaryRateLimited(_, let retryAfter):
                next.nextPollAt = max(next.nextPollAt ?? now, now.addingTimeInterval(Double(retryAfter.components.seconds)))
            case .notSent(_, .cancelled): throw CancellationError()
            default: break
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as DaemonError {
            next.lastError = error.description
            report.failure = error.description
        }
        try store.saveGitHubPollState(next)
        return report
    }

    /// A comment as an entry: its body is the text, its author the account,
    /// its links those of the Markdown.
    static func entry(for comment: GitHubComment, closedByPeople: [Int: PullRequestRecord]) -> PreparedEntry {
        let text = comment.body
        var entry = PreparedEntry(
            key: EntryKey(dedupeKey: "github-comment:\(comment.id)", contentHash: ContentHash.hex(of: text)),
            url: comment.htmlURL, author: comment.author?.login, publishedAt: comment.createdAt, text: text,
            account: comment.author?.login, links: TextLinks.urls(in: text))
        if let number = Int(comment.issueURL.split(separator: "/").last ?? ""), closedByPeople[number] != nil {
            entry.followsLinks = true
        }
        return entry
    }

    /// The repository's feed row: its comments endpoint, which no feed shares.
    static func feedURL(of repository: GitHubRepositoryRecord) -> String {
        "\(repository.apiUrl)/repos/\(repository.repo)/issues/comments"
    }

    /// The repository's web page: on github.com, or on an Enterprise host (API under /api/v3).
    static func siteURL(of repository: GitHubRepositoryRecord) -> String? {
        if repository.apiUrl == GitHubRepositorySpec.defaultAPIURL { return "https://github.com/\(repository.repo)" }
        guard repository.apiUrl.hasSuffix("/api/v3") else { return nil }
        return String(repository.apiUrl.dropLast("/api/v3".count)) + "/\(repository.repo)"
    }
}
