import Foundation
import GRDB
import Testing
@testable import VigilStore

/// Every table written and read back through its record type, so a schema
/// column and its Swift property cannot drift apart unnoticed.
@Suite struct RoundTripTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000.25)

    @Test func schemaIsTheLatestVersionWithForeignKeysAndWAL() throws {
        let database = try TemporaryDatabase()
        #expect(try database.store.schemaVersion() == 10)
        try database.store.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
            #expect(tables == [
                "alert_outbox", "audit_log", "cycles", "digests", "feeds", "findings", "followed_links", "github_pull_requests",
                "github_repositories", "items", "meta", "people", "poller_lease", "team_members", "teams", "user_teams", "users", "workers",
            ])
        }
    }

    @Test func reopeningDoesNotMigrateAgain() throws {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: "Ada Lovelace"))
        let reopened = try Store.open(at: database.path)
        #expect(try reopened.people().map(\.person.name) == ["Ada Lovelace"])
    }

    @Test func everyTableRoundTrips() throws {
        let database = try TemporaryDatabase()
        try database.store.write { db in
            var person = PersonRecord(
                name: "Ada Lovelace", aliases: ["エイダ・ラブレス", "A. Lovelace"], handles: ["adalovelace"],
                projects: ["analytical-engine"], contextTerms: ["Babbage"], surnameNeedsContext: false,
                managedByConfig: true, createdAt: now, updatedAt: now)
            try person.insert(db)
            #expect(try PersonRecord.fetchOne(db, key: person.id) == person)

            var team = TeamRecord(name: "core", managedByConfig: true, createdAt: now)
            try team.insert(db)
            #expect(try TeamRecord.fetchOne(db, key: team.id) == team)

            let member = TeamMemberRecord(teamId: team.id!, personId: person.id!)
            try member.insert(db)
            #expect(try TeamMemberRecord.fetchAll(db) == [member])

            var feed = FeedRecord(
                url: "https://blog.example.org/feed.xml", title: "Example", siteUrl: "https://blog.example.org/",
                tags: ["blogs", "rust"], intervalSeconds: 1800, nextPollAt: now, createdAt: now)
            feed.etag = "\"abc\""
            feed.lastModified = "Wed, 25 Nov 2026 10:00:00 GMT"
            feed.consecutiveFailures = 2
            feed.lastPolledAt = now
            feed.lastSuccessAt = now
            feed.lastStatus = 503
            feed.lastError = "HTTP 503 Service Unavailable"
            feed.lastBytes = 12_345
            feed.lastDurationMs = 87
            feed.redirectCandidate = "https://blog.example.org/new.xml"
            feed.redirectSeenCount = 1
            try feed.insert(db)
            #expect(try FeedRecord.fetchOne(db, key: feed.id) == feed)

            var item = ItemRecord(
                feedId: feed.id!, dedupeKey: "guid:123", url: "https://blog.example.org/p/1", title: "A post",
                author: "Bot", publishedAt: now, text: "Ada Lovelace is gatekeeping.", contentHash: "h1",
                firstSeenAt: now, lastSeenAt: now, agent: 0.625)
            try item.insert(db)
            #expect(try ItemRecord.fetchOne(db, key: item.id) == item)

            var finding = FindingRecord(
                itemId: item.id!, personId: person.id!, hostility: 0.91, agent: 0.8, attack: 0.87, severity: .high,
                kind: .attack, evidence: [Evidence(kind: .hostile, start: 0, end: 28, score: 0.93, text: "Ada Lovelace is gatekeeping.")],
                modelVersion: "hostility-1+agent-1", label: .hostile, createdAt: now, updatedAt: now)
            try finding.insert(db)
            #expect(try FindingRecord.fetchOne(db, key: finding.id) == finding)

            var digest = DigestRecord(periodStart: now.addingTimeInterval(-604_800), periodEnd: now, format: "html", body: "<p>week</p>", createdAt: now)
            try digest.insert(db)
            #expect(try DigestRecord.fetchOne(db, key: digest.id) == digest)

            var alert = OutboxRecord(findingId: finding.id, channel: "ops", payload: #"{"finding":1}"#, idempotencyKey: "finding-1-ops", nextAttemptAt: now, createdAt: now)
            alert.attempts = 3
            alert.lastError = "HTTP 500"
            try alert.insert(db)
            #expect(try OutboxRecord.fetchOne(db, key: alert.id) == alert)

            var digestAlert = OutboxRecord(digestId: digest.id, channel: "mail", payload: "{}", idempotencyKey: "digest-1-mail", nextAttemptAt: now, createdAt: now)
            try digestAlert.insert(db)
            #expect(try OutboxRecord.fetchOne(db, key: digestAlert.id) == digestAlert)

            var cycle = CycleRecord(startedAt: now, finishedAt: now.addingTimeInterval(3), feedsPolled: 10, feedsFailed: 1, itemsNew: 4, findingsNew: 1)
            try cycle.insert(db)
            #expect(try CycleRecord.fetchOne(db, key: cycle.id) == cycle)
        }
    }

    @Test func constraintsRejectImpossibleRows() throws {
        let database = try TemporaryDatabase()
        try database.store.write { db in
            var person = PersonRecord(name: "Ada Lovelace")
            try person.insert(db)
            var feed = FeedRecord(url: "https://blog.example.org/feed.xml")
            try feed.insert(db)
            var item = ItemRecord(feedId: feed.id!, dedupeKey: "k", contentHash: "h")
            try item.insert(db)

            var outOfRange = FindingRecord(itemId: item.id!, personId: person.id!, hostility: 1.5, agent: 0, attack: 0, severity: .low, kind: .mention, evidence: [], modelVersion: "m")
            #expect(throws: DatabaseError.self) { try outOfRange.insert(db) }

            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO findings (item_id, person_id, hostility, agent, attack, severity, kind, model_version, created_at, updated_at) VALUES (?, ?, 0, 0, 0, 'none', 'rumour', 'm', '', '')", arguments: [item.id, person.id])
            }

            var orphan = ItemRecord(feedId: 999, dedupeKey: "k2", contentHash: "h")
            #expect(throws: DatabaseError.self) { try orphan.insert(db) }

            var notAProbability = ItemRecord(feedId: feed.id!, dedupeKey: "k3", contentHash: "h3", agent: 1.5)
            #expect(throws: DatabaseError.self) { try notAProbability.insert(db) }

            var neither = OutboxRecord(channel: "ops", payload: "{}", idempotencyKey: "x")
            #expect(throws: DatabaseError.self) { try neither.insert(db) }

            var badQuery = FeedRecord(url: "https://example.org/search", kind: .query)
            #expect(throws: DatabaseError.self) { try badQuery.insert(db) }

            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE people SET aliases = 'not json' WHERE id = ?", arguments: [person.id])
            }
        }
    }

    @Test func removingAFeedRemovesItsItemsAndFindings() throws {
        let database = try TemporaryDatabase()
        let feed = try database.store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml"), defaultIntervalSeconds: 900)
        let entry = try database.store.addPerson(PersonSpec(name: "Ada Lovelace"))
        try database.store.write { db in
            var item = ItemRecord(feedId: feed.id!, dedupeKey: "k", contentHash: "h")
            try item.insert(db)
            var finding = FindingRecord(itemId: item.id!, personId: entry.person.id!, hostility: 0.5, agent: 0.5, attack: 0.5, severity: .low, kind: .coverage, evidence: [], modelVersion: "m")
            try finding.insert(db)
        }
        try database.store.removeFeed(url: feed.url)
        let counts = try database.store.read { db in
            (try ItemRecord.fetchCount(db), try FindingRecord.fetchCount(db))
        }
        #expect(counts == (0, 0))
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-notdb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("junk.db").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            try Store.open(at: path)
        } throws: { error in
            (error as? StoreError)?.message.contains("not a vigil database") == true
        }
    }
}
