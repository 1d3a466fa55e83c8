import Foundation
import GRDB
import Testing
@testable import VigilStore

/// Finding kinds and related findings in the store: migration 2 over a
/// database written before kinds existed, filters, the link from coverage
/// to an attack, and the commit path that stores both.
@Suite struct FindingKindTests {
    static let base = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func anOldDatabaseGetsKindsFromSeverity() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("vigil.db").path

        // A database as the previous release left it: migration 1 only, with findings of every severity.
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator().migrate(queue, upTo: "1-schema")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Ada Lovelace', '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000');
                    INSERT INTO feeds (id, url, next_poll_at, created_at) VALUES (1, 'https://blog.example.org/feed.xml', '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000');
                    """)
                for (index, severity) in ["high", "medium", "low", "none"].enumerated() {
                    try db.execute(sql: """
                        INSERT INTO items (id, feed_id, dedupe_key, text, content_hash, first_seen_at, last_seen_at)
                        VALUES (?, 1, ?, 'text', ?, '2026-11-02 00:00:00.000', '2026-11-02 00:00:00.000');
                        INSERT INTO findings (item_id, person_id, hostility, agent, attack, severity, model_version, created_at, updated_at)
                        VALUES (?, 1, 0.5, 0.5, 0.5, ?, 'm', '2026-11-02 00:00:00.000', '2026-11-02 00:00:00.000');
                        """, arguments: [index + 1, "k\(index)", "h\(index)", index + 1, severity])
                }
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pragma_table_info('findings') WHERE name = 'kind'") == 0)
            }
        }

        let store = try Store.open(at: path)
        #expect(try store.schemaVersion() == 10)
        let kinds = try store.findings(matching: FindingFilter()).map { "\($0.finding.severity.rawValue):\($0.finding.kind.rawValue)" }
        #expect(Set(kinds) == ["high:attack", "medium:attack", "low:mention", "none:mention"])
        #expect(try store.findings(matching: FindingFilter()).allSatisfy { $0.finding.relatedFindingId == nil && $0.related == nil })
        try store.read { db in
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'findings'")
            #expect(indexes.contains("findings_by_kind") && indexes.contains("findings_by_related"))
            // Only the three kinds: the column's CHECK holds for every new row.
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE findings SET kind = 'rumour'") }
        }
        // Opening it again runs nothing twice.
        #expect(try Store.open(at: path).schemaVersion() == 10)
    }

    /// Ada: an attack, coverage of it, a mention; Grace: coverage.
    static func fixture() throws -> (TemporaryDatabase, [String: Int64]) {
        let database = try TemporaryDatabase()
        try database.store.addPerson(PersonSpec(name: "Ada Lovelace"))
        try database.store.addPerson(PersonSpec(name: "Grace Hopper"))
        let people = Dictionary(uniqueKeysWithValues: try database.store.people().map { ($0.person.name, $0.person.id!) })
        var ids: [String: Int64] = [:]
        try database.store.write { db in
            var feed = FeedRecord(url: "https://news.example/feed", title: "News", nextPollAt: base, createdAt: base)
            try feed.insert(db)
            for (key, person, severity, kind, hours) in [
                ("attack", "Ada Lovelace", Severity.high, FindingKind.attack, 1.0), ("coverage", "Ada Lovelace", .low, .coverage, 2),
                ("mention", "Ada Lovelace", .none, .mention, 3), ("grace", "Grace Hopper", .none, .coverage, 4),
            ] {
                let time = base.addingTimeInterval(hours * 3600)
                var item = ItemRecord(feedId: feed.id!, dedupeKey: key, url: "https://news.example/\(key)", title: "Title \(key)",
                                      text: "text", contentHash: key, firstSeenAt: time, lastSeenAt: time)
                try item.insert(db)
                var finding = FindingRecord(
                    itemId: item.id!, personId: people[person]!, hostility: 0.5, agent: 0.1, attack: 0.5, severity: severity,
                    kind: kind, evidence: [], modelVersion: "m", createdAt: time, updatedAt: time)
                try finding.insert(db)
                ids[key] = finding.id!
            }
        }
        return (database, ids)
    }

    @Test func listingsFilterByKindAndNameTheRelatedAttack() throws {
        let (database, ids) = try Self.fixture()
        let store = database.store
        #expect(try store.findings(matching: FindingFilter(kinds: [.coverage])).map(\.finding.id) == [ids["grace"], ids["coverage"]])
        #expect(try store.findings(matching: FindingFilter(kinds: [.attack, .mention])).count == 2)
        #expect(try store.findings(matching: FindingFilter(person: "Ada Lovelace", kinds: [.coverage])).count == 1)

        try store.setRelatedFinding(ids["coverage"]!, to: ids["attack"]!)
        let listing = try #require(try store.findings(matching: FindingFilter(id: ids["coverage"]!)).first)
        #expect(listing.finding.relatedFindingId == ids["attack"])
        #expect(listing.related == RelatedFinding(
            id: ids["attack"]!, kind: .attack, title: "Title attack", url: "https://news.example/attack",
            createdAt: Self.base.addingTimeInterval(3600)))
        #expect(try store.findingDetail(id: ids["coverage"]!)?.related?.id == ids["attack"])
        #expect(try store.findingDetail(id: ids["attack"]!)?.related == nil)
        var exported: [FindingExportRow] = []
        try store.forEachExportRow(matching: FindingFilter(id: ids["coverage"]!)) { exported.append($0) }
        #expect(exported.map(\.kind) == [.coverage] && exported.map(\.relatedFindingID) == [ids["attack"]])

        #expect(throws: StoreError.self) { try store.setRelatedFinding(ids["coverage"]!, to: 999) }
        #expect(throws: StoreError.self) { try store.setRelatedFinding(999, to: ids["attack"]!) }
        #expect(throws: StoreError.self) { try store.setRelatedFinding(ids["coverage"]!, to: ids["coverage"]!) }

        // Deleting the attack leaves the coverage, pointing at nothing.
        try store.write { db in _ = try FindingRecord.deleteOne(db, key: ids["attack"]!) }
        #expect(try store.findingDetail(id: ids["coverage"]!)?.finding.relatedFindingId == nil)
    }

    @Test func digestListingsAreCappedPerPersonAndKindWithTotals() throws {
        let (database, ids) = try Self.fixture()
        let store = database.store
        let people = Dictionary(uniqueKeysWithValues: try store.people().map { ($0.person.name, $0.person.id!) })
        try store.setRelatedFinding(ids["coverage"]!, to: ids["attack"]!)
        let end = Self.base.addingTimeInterval(86_400)
        let byKind = try store.findingsByPersonAndKind(in: .all, from: Self.base, to: end, limits: [.attack: 5, .coverage: 5])
        let ada = try #require(byKind[people["Ada Lovelace"]!])
        #expect(ada.listed(.attack).map(\.finding.id) == [ids["attack"]])
        #expect(ada.listed(.coverage).first?.related?.id == ids["attack"])
        // Mentions are not listed when no limit names them; the period's counts have every kind.
        #expect(ada.listed(.mention).isEmpty)
        let counts = try store.findingCountsByPerson(in: .all, from: Self.base, to: end, agentThreshold: 0.5)
        let adaCounts = try #require(counts[people["Ada Lovelace"]!])
        #expect(adaCounts.attacks == 1 && adaCounts.coverage == 1 && adaCounts.count(of: .mention) == 1 && adaCounts.mentions == 3)
        #expect(counts[people["Grace Hopper"]!]?.count(of: .coverage) == 1)
        let withMentions = try store.findingsByPersonAndKind(in: .all, from: Self.base, to: end, limits: [.mention: 1])
        #expect(withMentions[people["Ada Lovelace"]!]?.listed(.mention).map(\.finding.id) == [ids["mention"]])
        #expect(withMentions[people["Ada Lovelace"]!]?.listed(.attack).isEmpty == true)
        #expect(withMentions[people["Grace Hopper"]!] == nil)
        let graceOnly = try store.findingsByPersonAndKind(in: .person("Grace Hopper"), from: Self.base, to: end, limits: [.coverage: 1])
        #expect(Array(graceOnly.keys) == [people["Grace Hopper"]!])
        #expect(try store.findingListings(ids: [ids["mention"]!, 999, ids["attack"]!]).map(\.finding.id) == [ids["mention"], ids["attack"]])
    }

    @Test func theCommitStoresKindsRelationsAndAlertsInOneTransaction() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let person = try store.addPerson(PersonSpec(name: "Ada Lovelace")).person
        let feed = try store.addFeed(FeedSpec(url: "https://news.example/feed"), defaultIntervalSeconds: 900)
        func finding(_ severity: Severity, _ kind: FindingKind, attack: Double) -> FindingRecord {
            FindingRecord(
                itemId: 0, personId: person.id!, hostility: 0.5, agent: 0.1, attack: attack, severity: severity, kind: kind,
                evidence: [Evidence(kind: .hostile, start: 0, end: 5, score: 0.6, text: "Ada is a fraud.")], modelVersion: "m",
                createdAt: Self.base, updatedAt: Self.base)
        }
        let attack = PlainPoll.item(feed: feed, key: "a", url: "https://news.example/a", text: "Ada is a fraud.", now: Self.base)
        let coverage = PlainPoll.item(feed: feed, key: "c", url: "https://news.example/c", text: "A blog called Ada a fraud.", now: Self.base)
        var ids: [Int64] = []
        let summary = try PlainPoll.commit(
            store, feed: feed, new: [(attack, [finding(.high, .attack, attack: 0.9)]), (coverage, [finding(.low, .coverage, attack: 0.4)])],
            alerts: { stored in
                ids = stored.map { $0.id! }
                return [RoutedAlert(findingID: ids[0], draft: AlertDraft(channel: "pager", payload: "{}", idempotencyKey: "k-\(ids[0])"))]
            }, now: Self.base)
        #expect(summary.findingsNew == 2 && summary.itemsNew == 2 && summary.alertsQueued == 1)
        let stored = try ids.map { try #require(try store.findingDetail(id: $0)?.finding) }
        #expect(stored.map(\.kind) == [.attack, .coverage])
        #expect(try store.findingDetail(id: ids[1])?.item.text == "A blog called Ada a fraud.")

        // Relations are applied in order after the findings.
        try store.commit(PollPlan(feed: feed, time: Self.base, relations: [.set(finding: ids[1], to: ids[0])]))
        #expect(try store.findingDetail(id: ids[1])?.finding.relatedFindingId == ids[0])

        // An update writes the assessment's columns in place; the state only when it reopens.
        try store.acknowledgeFindings([ids[1]])
        var worse = stored[1]
        worse.kind = .attack
        worse.severity = .medium
        try store.commit(PollPlan(feed: feed, time: Self.base, findings: [PlannedFinding(item: .stored(worse.itemId), record: worse, isNew: false)]))
        let edited = try #require(try store.findingDetail(id: ids[1])?.finding)
        #expect(edited.kind == .attack && edited.severity == .medium && edited.state == .acked)
        try store.commit(PollPlan(feed: feed, time: Self.base, relations: [.clearAll(to: ids[0])]))
        #expect(try store.findingDetail(id: ids[1])?.finding.relatedFindingId == nil)
    }

    /// A plan made before another commit numbered a finding is stale and writes nothing.
    @Test func aStalePlanWritesNothing() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let person = try store.addPerson(PersonSpec(name: "Ada Lovelace")).person
        let feed = try store.addFeed(FeedSpec(url: "https://news.example/feed"), defaultIntervalSeconds: 900)
        let record = FindingRecord(
            itemId: 0, personId: person.id!, hostility: 0.5, agent: 0.1, attack: 0.9, severity: .high, kind: .attack,
            evidence: [], modelVersion: "m", createdAt: Self.base, updatedAt: Self.base)
        let snapshot = try store.pollSnapshot(PollSnapshotRequest(feedID: feed.id!, time: Self.base, entries: []))
        var late = PollPlan(feed: feed, time: Self.base, firstNewFindingID: snapshot.nextFindingID)
        late.items = [.insert(PlainPoll.item(feed: feed, key: "late", now: Self.base), requiresUnseenContent: true)]
        var numbered = record
        numbered.id = snapshot.nextFindingID
        late.findings = [PlannedFinding(item: .planned(0), record: numbered, isNew: true)]
        try PlainPoll.commit(store, feed: feed, new: [(PlainPoll.item(feed: feed, key: "first", now: Self.base), [record])], now: Self.base)
        #expect(throws: StalePollPlan.self) { try store.commit(late) }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM items WHERE dedupe_key = 'late'") } == 0)

        // The same content stored by another feed meanwhile makes a new item's plan stale too.
        var copy = PollPlan(feed: feed, time: Self.base)
        copy.items = [.insert(PlainPoll.item(feed: feed, key: "copy", hash: "hash-first", now: Self.base), requiresUnseenContent: true)]
        #expect(throws: StalePollPlan.self) { try store.commit(copy) }
    }
}
