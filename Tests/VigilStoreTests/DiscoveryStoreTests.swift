import Foundation
import Testing
import VigilStore

/// The store's side of discovery: source rows that are not feeds, links
/// followed once and bounded per host, repositories from people's projects,
/// and the trail from a closed pull request to an item.
@Suite struct DiscoveryStoreTests {
    @Test func sourceRowsAreNeitherListedNorPolled() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let now = Date()
        try store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml"), defaultIntervalSeconds: 900, now: now)
        let github = try store.sourceFeed(.github, url: "https://api.github.com/repos/o/r/issues/comments", title: "o/r on GitHub", siteURL: nil, now: now)
        let again = try store.sourceFeed(.github, url: "https://api.github.com/repos/o/r/issues/comments", title: nil, siteURL: nil, now: now)
        #expect(github.id == again.id)
        _ = try store.sourceFeed(.page, url: "https://site.example.net/#followed-pages", title: nil, siteURL: nil, now: now)
        #expect(throws: StoreError.self) {
            try store.sourceFeed(.page, url: "https://blog.example.org/feed.xml", title: nil, siteURL: nil, now: now)
        }
        #expect(try store.feeds().map(\.url) == ["https://blog.example.org/feed.xml"])
        #expect(try store.feedsToPoll(now: now.addingTimeInterval(60), dueOnly: true).map(\.url) == ["https://blog.example.org/feed.xml"])
        #expect(try store.status(now: now).feedsTotal == 1)
    }

    @Test func aLinkIsQueuedOnceAndTakenAFewPerHost() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let now = Date()
        func link(_ url: String, at offset: TimeInterval = 0) -> FollowedLinkRecord {
            FollowedLinkRecord(url: url, host: URL(string: url)!.host!, fromUrl: nil, linkedBy: "someone", queuedAt: now.addingTimeInterval(offset))
        }
        let queued = try store.queueLinks((0..<5).map { link("https://a.example/\($0)", at: Double($0)) } + [link("https://b.example/x", at: 9)])
        #expect(queued == 6)
        #expect(try store.queueLinks([link("https://a.example/0"), link("https://b.example/x")]) == 0, "never the same URL twice")
        let taken = try store.pendingLinks(limit: 10, perHost: 2)
        #expect(taken.map(\.url) == ["https://a.example/0", "https://a.example/1", "https://b.example/x"])
        try store.finishLink(id: taken[0].id!, state: .fetched, detail: "read", at: now)
        #expect(try store.pendingLinks(limit: 10, perHost: 2).first?.url == "https://a.example/1")
        #expect(try store.queueLinks([link("https://a.example/0")]) == 0, "a followed link stays followed")
        #expect(try store.pendingLinks(limit: 1, perHost: 2).count == 1)
    }

    @Test func aURLStoredAsAnItemIsNotFollowed() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let now = Date()
        let feed = try store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml"), defaultIntervalSeconds: 900, now: now)
        try PlainPoll.commit(store, feed: feed, new: [(PlainPoll.item(feed: feed, key: "a", url: "https://blog.example.org/a", now: now), [])], now: now)
        let queued = try store.queueLinks([FollowedLinkRecord(url: "https://blog.example.org/a", host: "blog.example.org", fromUrl: nil, linkedBy: nil, queuedAt: now)])
        #expect(queued == 0)
    }

    @Test func projectsThatNameARepositoryAreWatched() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        try store.addPerson(PersonSpec(name: "Ada Example", projects: ["example-org/engine", "engine", "Example-Org/Engine"]))
        let now = Date()
        var due = try store.githubRepositoriesToPoll(now: now, dueOnly: true)
        #expect(due.map(\.repo) == ["example-org/engine"])
        #expect(due.first?.fromProject == true)
        // Polled: not due until its next poll time.
        var polled = due[0]
        polled.nextPollAt = now.addingTimeInterval(900)
        try store.saveGitHubPollState(polled)
        #expect(try store.githubRepositoriesToPoll(now: now, dueOnly: true).isEmpty)
        #expect(try store.githubRepositoriesToPoll(now: now, dueOnly: false).count == 1)
        // No person lists it any more: kept with its state, not polled.
        try store.removePerson(named: "Ada Example")
        due = try store.githubRepositoriesToPoll(now: now.addingTimeInterval(1000), dueOnly: false)
        #expect(due.isEmpty)
        #expect(try store.githubRepositories().count == 1)
    }

    @Test func anItemIsTracedToAPullRequestAWatchedPersonClosed() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let now = Date()
        try store.addPerson(PersonSpec(name: "Ada Example", handles: ["@ada-ex"]))
        let repository = try store.addGitHubRepository(GitHubRepositorySpec(repo: "example-org/engine"))
        let closedAt = now.addingTimeInterval(-3 * 86400)
        try store.storePullRequests([
            PullRequestRecord(repositoryId: 0, number: 7, htmlUrl: "https://github.com/example-org/engine/pull/7", title: "Faster parser",
                              authorLogin: "bot-one", closedAt: closedAt, mergedAt: nil),
            PullRequestRecord(repositoryId: 0, number: 8, htmlUrl: "https://github.com/example-org/engine/pull/8", title: "Merged",
                              authorLogin: "bot-two", closedAt: closedAt, mergedAt: closedAt),
            PullRequestRecord(repositoryId: 0, number: 9, htmlUrl: "https://github.com/example-org/engine/pull/9", title: "Self-closed",
                              authorLogin: "bot-three", closedAt: closedAt, mergedAt: nil),
        ], closers: [7: "ADA-EX", 8: "ada-ex", 9: "bot-three"], repositoryID: repository.id!)
        #expect(try store.pullRequestsClosedByWatchedPeople(repositoryID: repository.id!).keys.sorted() == [7])

        try store.queueLinks([FollowedLinkRecord(url: "https://bot-one.example.net/post", host: "bot-one.example.net", fromUrl: nil, linkedBy: "bot-one", queuedAt: now)])
        let feed = try store.addFeed(FeedSpec(url: "https://feeds.example.com/all.xml"), defaultIntervalSeconds: 900, now: now)
        func trail(account: String?, url: String?, published: Date? = nil) throws -> ClosedPullRequest? {
            let request = PollSnapshotRequest(feedID: feed.id!, time: now, entries: [
                .init(key: EntryKey(dedupeKey: "k", contentHash: "h"), author: nil, publishedAt: published, people: [1], url: url, account: account),
            ])
            return try store.pollSnapshot(request).trails[0]
        }
        #expect(try trail(account: "bot-one", url: nil)?.number == 7)
        #expect(try trail(account: "BOT-ONE", url: nil)?.closedBy == "ADA-EX")
        #expect(try trail(account: nil, url: "https://bot-one.example.net/other-post")?.number == 7, "a site the account linked to")
        #expect(try trail(account: "bot-two", url: nil) == nil, "merged")
        #expect(try trail(account: "bot-three", url: nil) == nil, "closed by its author")
        #expect(try trail(account: "bot-one", url: nil, published: now.addingTimeInterval(-4 * 86400)) == nil, "before the close")
        #expect(try trail(account: "bot-one", url: nil, published: closedAt.addingTimeInterval(15 * 86400)) == nil, "more than 14 days after")
        #expect(try trail(account: nil, url: "https://elsewhere.example/post") == nil)
    }

    @Test func anAccountsCommentsAreTheHistoryOfItsSite() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let now = Date()
        let comments = try store.sourceFeed(.github, url: "https://api.github.com/repos/o/r/issues/comments", title: nil, siteURL: nil, now: now)
        let items = (0..<4).map { index in
            (PlainPoll.item(feed: comments, key: "github-comment:\(index)", author: "agent-login", agent: 0.9,
                            now: now.addingTimeInterval(Double(index - 10) * 60)), [FindingRecord]())
        }
        try PlainPoll.commit(store, feed: comments, new: items, now: now.addingTimeInterval(-60))
        try store.addPerson(PersonSpec(name: "Ada Example"))
        let site = try store.addFeed(FeedSpec(url: "https://agent.example.net/feed.xml"), defaultIntervalSeconds: 900, now: now)
        func history(account: String?) throws -> [HistoryPost] {
            let request = PollSnapshotRequest(feedID: site.id!, time: now, entries: [
                .init(key: EntryKey(dedupeKey: "post", contentHash: "post"), author: "Agent Blog", publishedAt: nil, people: [1], account: account),
            ])
            return try store.pollSnapshot(request).histories[0]?.authorPosts ?? []
        }
        #expect(try history(account: "agent-login").map(\.agent) == [0.9, 0.9, 0.9, 0.9])
        #expect(try history(account: nil).isEmpty)
        #expect(try history(account: "someone-else").isEmpty)
    }
}

/// When the daemon wakes: the first feed or repository due, never one no
/// longer polled.
@Suite struct DiscoveryScheduleTests {
    @Test func theNextDueTimeCountsRepositoriesBesideFeeds() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let now = Date()
        #expect(try store.nextFeedDue() == nil)
        let feed = try store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml"), defaultIntervalSeconds: 900, now: now.addingTimeInterval(600))
        #expect(abs(try #require(try store.nextFeedDue()).timeIntervalSince(feed.nextPollAt)) < 0.01)
        // Added with the CLI and never polled: due since it was added.
        let repository = try store.addGitHubRepository(GitHubRepositorySpec(repo: "example-org/engine"), now: now)
        #expect(abs(try #require(try store.nextFeedDue()).timeIntervalSince(now)) < 0.01)
        var polled = repository
        polled.nextPollAt = now.addingTimeInterval(1200)
        try store.saveGitHubPollState(polled)
        #expect(abs(try #require(try store.nextFeedDue()).timeIntervalSince(feed.nextPollAt)) < 0.01)

        // A project's repository is made a row when people are synced, and waited for only while someone lists it.
        try store.addPerson(PersonSpec(name: "Ada Example", projects: ["example-org/parser"]))
        try store.watchProjectRepositories(now: now.addingTimeInterval(60))
        #expect(abs(try #require(try store.nextFeedDue()).timeIntervalSince(now.addingTimeInterval(60))) < 0.01)
        try store.removePerson(named: "Ada Example")
        #expect(abs(try #require(try store.nextFeedDue()).timeIntervalSince(feed.nextPollAt)) < 0.01)
    }
}
