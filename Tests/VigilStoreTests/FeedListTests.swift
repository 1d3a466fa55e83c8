import Foundation
import Testing
@testable import VigilStore

@Suite struct FeedListTests {
    @Test func addsFeedsAndQueryTemplates() throws {
        let database = try TemporaryDatabase()
        let feed = try database.store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml", tags: ["blogs"]), defaultIntervalSeconds: 900)
        let query = try database.store.addFeed(FeedSpec(url: "https://hnrss.org/newest?q={query}", intervalSeconds: 3600), defaultIntervalSeconds: 900)
        #expect(feed.kind == .feed && feed.intervalSeconds == 900 && feed.tags == ["blogs"])
        #expect(query.kind == .query && query.intervalSeconds == 3600)
        #expect(try database.store.feeds().count == 2)
    }

    /// The source prior reads a feed's description for a self-declared agent,
    /// in the poll and later in `findings show`: a poll must keep it.
    @Test func aPollKeepsTheFeedsDescription() throws {
        let database = try TemporaryDatabase()
        var feed = try database.store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml"), defaultIntervalSeconds: 900)
        feed.description = "This blog is run autonomously by an AI coding agent."
        try database.store.commit(PollPlan(feed: feed, time: Date()))
        #expect(try database.store.feed(url: feed.url)?.description == feed.description)
        feed.description = nil
        try database.store.commit(PollPlan(feed: feed, time: Date()))
        #expect(try database.store.feed(url: feed.url)?.description == nil)
    }

    @Test func aDuplicateFeedIsBadInputAndChangesNothing() throws {
        let database = try TemporaryDatabase()
        try database.store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml", title: "first"), defaultIntervalSeconds: 900)
        #expect {
            try database.store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml", title: "second"), defaultIntervalSeconds: 900)
        } throws: { error in
            (error as? StoreError)?.isBadInput == true
        }
        #expect(try database.store.feeds().map(\.title) == ["first"])
    }

    @Test(arguments: ["ftp://example.org/feed", "not a url", "https:///nohost", "", "javascript:alert(1)"])
    func unusableURLsAreRejected(url: String) throws {
        let database = try TemporaryDatabase()
        #expect(throws: StoreError.self) { try database.store.addFeed(FeedSpec(url: url), defaultIntervalSeconds: 900) }
        #expect(try database.store.feeds().isEmpty)
    }

    @Test func importIsAllOrNothingAndSkipsFeedsAlreadyPresent() throws {
        let database = try TemporaryDatabase()
        try database.store.addFeed(FeedSpec(url: "https://a.example.org/feed"), defaultIntervalSeconds: 900)
        #expect(throws: StoreError.self) {
            try database.store.importFeeds([FeedSpec(url: "https://b.example.org/feed"), FeedSpec(url: "gopher://c")], defaultIntervalSeconds: 900)
        }
        #expect(try database.store.feeds().map(\.url) == ["https://a.example.org/feed"])

        let summary = try database.store.importFeeds([
            FeedSpec(url: "https://a.example.org/feed"), FeedSpec(url: "https://b.example.org/feed"),
            FeedSpec(url: "https://b.example.org/feed"),
        ], defaultIntervalSeconds: 900)
        #expect(summary.added == ["https://b.example.org/feed"])
        #expect(summary.alreadyPresent == ["https://a.example.org/feed"])
    }
}
