import Foundation
import GRDB
import Testing
@testable import VigilStore

/// Every scored item keeps its agent score, mentions or not, and the source
/// prior's history reads those scores up to a post's cutoff.
@Suite struct ItemAgentHistoryTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func item(
        _ key: String, feed: FeedRecord, author: String? = "Patchwright", published: Date? = nil, agent: Double?, now: Date
    ) -> ItemRecord {
        PlainPoll.item(feed: feed, key: key, title: key, author: author, published: published, agent: agent, now: now)
    }

    static func item(_ key: String, in store: Store) throws -> ItemRecord? {
        try store.read { db in try ItemRecord.filter(Column("dedupe_key") == key).fetchOne(db) }
    }

    @Test func everyNewOrEditedItemKeepsItsScoreButNoText() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let feed = try store.addFeed(FeedSpec(url: "https://blog.example/feed"), defaultIntervalSeconds: 900)
        try PlainPoll.commit(store, feed: feed, new: [(Self.item("plain", feed: feed, agent: 0.93, now: Self.start), [])], now: Self.start)
        let plain = try #require(try Self.item("plain", in: store))
        #expect(plain.agent == 0.93)
        #expect(plain.text == nil)
        // The same content under a second key is a duplicate, not scored again.
        let snapshot = try store.pollSnapshot(PollSnapshotRequest(
            feedID: feed.id!, time: Self.start,
            entries: [PollSnapshotRequest.Entry(key: EntryKey(dedupeKey: "repeat", contentHash: "hash-plain"), author: nil, publishedAt: nil, people: [1])]))
        #expect(snapshot.statuses == [.duplicateContent])
        #expect(snapshot.histories.isEmpty)

        // An edit scores the new text.
        var edited = plain
        edited.contentHash = "hash-plain-2"
        edited.agent = 0.4
        try PlainPoll.commit(store, feed: feed, updated: [edited], now: Self.start.addingTimeInterval(900))
        #expect(try Self.item("plain", in: store)?.agent == 0.4)
        #expect(try Self.item("plain", in: store)?.text == nil)

        // Scored items without mentions are still pruned after the retention.
        #expect(try store.pruneItems(notSeenSince: Self.start.addingTimeInterval(86_400)) == 1)
    }

    @Test func historyReadsItemsWithoutFindingsNewestFirst() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let person = try store.addPerson(PersonSpec(name: "Julian Marsh")).person
        let feed = try store.addFeed(FeedSpec(url: "https://blog.example/feed"), defaultIntervalSeconds: 900)
        for index in 0..<3 {
            let time = Self.start.addingTimeInterval(Double(index) * 3600)
            try PlainPoll.commit(store, feed: feed, new: [(Self.item("post-\(index)", feed: feed, published: time, agent: 0.9 - Double(index) * 0.1, now: time), [])], now: time)
        }
        // The attack's own text score is what history keeps, not its finding's (which had the prior in it).
        let attackTime = Self.start.addingTimeInterval(4 * 3600)
        let finding = FindingRecord(
            itemId: 0, personId: person.id!, hostility: 0.9, agent: 0.97, attack: 0.9, severity: .high, kind: .attack, evidence: [],
            modelVersion: "m", createdAt: attackTime, updatedAt: attackTime)
        try PlainPoll.commit(store, feed: feed, new: [(Self.item("attack", feed: feed, published: attackTime, agent: 0.2, now: attackTime), [finding])], now: attackTime)

        let history = try store.agentHistory(feedID: feed.id!)
        #expect(history.map(\.agent) == [0.2, 0.7, 0.8, 0.9])
        #expect(history.first?.published == attackTime)
        #expect(try store.agentHistory(author: "Patchwright").count == 4)
        #expect(try store.agentHistory(author: "someone else").isEmpty)
        #expect(try store.agentHistory(feedID: feed.id!, limit: 2).map(\.agent) == [0.2, 0.7])
    }

    /// Items of earlier polls count whatever their dates; items of the same
    /// poll count when published strictly before the post.
    @Test func theCutoffTakesEarlierPollsAndEarlierPostsOfTheSamePoll() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let feed = try store.addFeed(FeedSpec(url: "https://blog.example/feed"), defaultIntervalSeconds: 900)
        let firstPoll = Self.start
        let secondPoll = Self.start.addingTimeInterval(86_400)
        let day = { (days: Double) in Self.start.addingTimeInterval(-days * 86_400) }
        try PlainPoll.commit(store, feed: feed, new: [
            // Dated after everything of the second poll: still seen before it.
            (Self.item("future-dated", feed: feed, published: secondPoll.addingTimeInterval(86_400 * 30), agent: 0.11, now: firstPoll), []),
            (Self.item("old", feed: feed, published: day(5), agent: 0.12, now: firstPoll), []),
        ], now: firstPoll)
        try PlainPoll.commit(store, feed: feed, new: [
            (Self.item("newest", feed: feed, published: day(1), agent: 0.21, now: secondPoll), []),
            (Self.item("middle", feed: feed, published: day(2), agent: 0.22, now: secondPoll), []),
            (Self.item("oldest", feed: feed, published: day(3), agent: 0.23, now: secondPoll), []),
            (Self.item("same-time", feed: feed, published: day(2), agent: 0.24, now: secondPoll), []),
            (Self.item("undated", feed: feed, agent: 0.25, now: secondPoll), []),
        ], now: secondPoll)

        func history(of key: String) throws -> Set<Double> {
            let item = try #require(try Self.item(key, in: store))
            return Set(try store.agentHistory(feedID: feed.id!, upTo: HistoryCutoff(item: item)).map(\.agent))
        }
        #expect(try history(of: "oldest") == [0.11, 0.12])
        // Published at the same time: neither counts the other.
        #expect(try history(of: "middle") == [0.11, 0.12, 0.23])
        #expect(try history(of: "same-time") == [0.11, 0.12, 0.23])
        #expect(try history(of: "newest") == [0.11, 0.12, 0.23, 0.22, 0.24])
        // Without a date an item counts as published when first seen: after every dated one.
        #expect(try history(of: "undated") == [0.11, 0.12, 0.23, 0.22, 0.24, 0.21])
        // The first poll's items see only each other by date.
        #expect(try history(of: "future-dated") == [0.12])
        #expect(try history(of: "old") == [])
    }

    /// A database from before items kept scores: the migration adds the
    /// column and its indexes, and history falls back to the findings.
    @Test func anOlderDatabaseMigratesAndItsFindingsStillCount() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("vigil.db").path
        let time = Self.start
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "1-schema")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Julian Marsh', ?, ?)", arguments: [time, time])
                try db.execute(sql: "INSERT INTO feeds (id, url, next_poll_at, created_at) VALUES (1, 'https://blog.example/feed', ?, ?)", arguments: [time, time])
                for (id, key) in [(1, "with-finding"), (2, "without")] {
                    try db.execute(sql: """
                        INSERT INTO items (id, feed_id, dedupe_key, author, content_hash, first_seen_at, last_seen_at)
                        VALUES (?, 1, ?, 'Patchwright', ?, ?, ?)
                        """, arguments: [id, key, "hash-\(key)", time, time])
                }
                try db.execute(sql: """
                    INSERT INTO findings (item_id, person_id, hostility, agent, attack, severity, model_version, created_at, updated_at)
                    VALUES (1, 1, 0.9, 0.87, 0.9, 'high', 'm', ?, ?)
                    """, arguments: [time, time])
            }
        }

        let store = try Store.open(at: path)
        #expect(try store.schemaVersion() == 10)
        try store.read { db in
            let columns = try db.columns(in: "items").map(\.name)
            #expect(columns.contains("agent"))
            let indexes = try db.indexes(on: "items").map(\.name)
            #expect(indexes.contains("items_by_feed_seen"))
            #expect(indexes.contains("items_by_author_seen"))
            #expect(!indexes.contains("items_by_author"))
        }
        #expect(try store.agentHistory(feedID: 1).map(\.agent) == [0.87])
        #expect(try store.agentHistory(author: "Patchwright").map(\.agent) == [0.87])

        // New polls write scores beside the old rows.
        let feed = try #require(try store.feeds().first)
        let later = time.addingTimeInterval(3600)
        try PlainPoll.commit(store, feed: feed, new: [(Self.item("new", feed: feed, published: later, agent: 0.95, now: later), [])], now: later)
        #expect(try store.agentHistory(feedID: 1).map(\.agent) == [0.95, 0.87])
    }

    @Test func historyIsServedByTheIndexes() throws {
        let database = try TemporaryDatabase()
        try database.store.read { db in
            for (condition, index) in [("feed_id = 1", "items_by_feed_seen"), ("author = 'x'", "items_by_author_seen")] {
                let plan = try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT id FROM items WHERE \(condition) AND first_seen_at < '2026' ORDER BY first_seen_at DESC LIMIT 200
                    """).map { $0["detail"] as String }.joined(separator: "\n")
                #expect(plan.contains(index), "\(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
            }
        }
    }
}
