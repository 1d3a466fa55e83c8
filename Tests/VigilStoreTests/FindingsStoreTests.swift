import Foundation
import GRDB
import Testing
@testable import VigilStore

/// Triage and digest queries over a real database file.
@Suite struct FindingsStoreTests {
    static let base = Date(timeIntervalSince1970: 1_795_000_000)

    /// Ada (core) and Grace (core, infra) and Linus (no team); an agent
    /// author posting on two feeds attacks Ada and Grace; a feed without
    /// authors mentions Linus; one old finding predates the window.
    struct Fixture {
        let database: TemporaryDatabase
        var ids: [String: Int64] = [:]
        var store: Store { database.store }
    }

    static func fixture() throws -> Fixture {
        var fixture = Fixture(database: try TemporaryDatabase())
        var ids: [String: Int64] = [:]
        try fixture.store.addPerson(PersonSpec(name: "Ada Lovelace", teams: ["core"]))
        try fixture.store.addPerson(PersonSpec(name: "Grace Hopper", teams: ["core", "infra"]))
        try fixture.store.addPerson(PersonSpec(name: "Linus Example"))
        let people = Dictionary(uniqueKeysWithValues: try fixture.store.people().map { ($0.person.name, $0.person.id!) })
        try fixture.store.write { db in
            var blog = FeedRecord(url: "https://agent.example/feed", title: "Agent Blog", nextPollAt: base, createdAt: base)
            try blog.insert(db)
            var mirror = FeedRecord(url: "https://mirror.example/rss", title: "Mirror", nextPollAt: base, createdAt: base)
            try mirror.insert(db)
            var anonymous = FeedRecord(url: "https://anon.example/feed", nextPollAt: base, createdAt: base)
            try anonymous.insert(db)
            func add(_ key: String, feed: FeedRecord, author: String?, person: String, severity: Severity, agent: Double, hours: Double, text: String = "text") throws {
                let time = base.addingTimeInterval(hours * 3600)
                var item = try ItemRecord.filter(Column("dedupe_key") == "item-\(key)").fetchOne(db)
                if item == nil {
                    var inserted = ItemRecord(feedId: feed.id!, dedupeKey: "item-\(key)", url: "https://x.example/\(key)", title: "Title \(key)",
                                              author: author, text: text, contentHash: "hash-\(key)", firstSeenAt: time, lastSeenAt: time)
                    try inserted.insert(db)
                    item = inserted
                }
                var finding = FindingRecord(
                    itemId: item!.id!, personId: people[person]!, hostility: severity == .none ? 0.1 : 0.8, agent: agent,
                    attack: severity == .none ? 0.05 : (severity == .high ? 0.9 : 0.6), severity: severity,
                    kind: severity > .none ? .attack : .mention,
                    evidence: [Evidence(kind: .hostile, start: 0, end: 4, score: 0.8, text: "text")],
                    modelVersion: "m1", createdAt: time, updatedAt: time)
                try finding.insert(db)
                ids["\(key)/\(person)"] = finding.id!
            }
            try add("old", feed: blog, author: "Old Author", person: "Ada Lovelace", severity: .low, agent: 0.1, hours: -100)
            try add("a1", feed: blog, author: "agentbot", person: "Ada Lovelace", severity: .high, agent: 0.95, hours: 1, text: "Ada is a gatekeeper.")
            try add("a2", feed: mirror, author: "agentbot", person: "Grace Hopper", severity: .medium, agent: 0.9, hours: 2)
            try add("a3", feed: mirror, author: "human", person: "Grace Hopper", severity: .none, agent: 0.1, hours: 3)
            try add("n1", feed: anonymous, author: nil, person: "Linus Example", severity: .low, agent: 0.6, hours: 4)
            try add("n1", feed: anonymous, author: nil, person: "Ada Lovelace", severity: .none, agent: 0.6, hours: 4)
        }
        fixture.ids = ids
        return fixture
    }

    @Test func filtersNarrowTheListing() throws {
        let fixture = try Self.fixture()
        let store = fixture.store
        #expect(try store.findings(matching: FindingFilter()).count == 6)
        let newestFirst = try store.findings(matching: FindingFilter()).map(\.finding.createdAt)
        #expect(newestFirst == newestFirst.sorted(by: >))
        #expect(try store.findings(matching: FindingFilter(person: "ada lovelace")).map(\.personName) == ["Ada Lovelace", "Ada Lovelace", "Ada Lovelace"])
        #expect(Set(try store.findings(matching: FindingFilter(team: "infra")).map(\.personName)) == ["Grace Hopper"])
        #expect(try store.findings(matching: FindingFilter(team: "core")).count == 5)
        #expect(try store.findings(matching: FindingFilter(minSeverity: .medium)).map(\.finding.severity) == [.medium, .high])
        #expect(try store.findings(matching: FindingFilter(severity: .low)).count == 2)
        #expect(try store.findings(matching: FindingFilter(since: Self.base)).count == 5)
        #expect(try store.findings(matching: FindingFilter(limit: 2)).count == 2)
        let listing = try #require(try store.findings(matching: FindingFilter(person: "Ada Lovelace", minSeverity: .high)).first)
        #expect(listing.itemAuthor == "agentbot" && listing.feedTitle == "Agent Blog" && listing.itemTitle == "Title a1")
        #expect(throws: StoreError.self) { try store.findings(matching: FindingFilter(person: "Nobody")) }
        #expect(throws: StoreError.self) { try store.findings(matching: FindingFilter(team: "nobody")) }
    }

    @Test func ackAndLabelAreStored() throws {
        let fixture = try Self.fixture()
        let store = fixture.store
        let a1 = fixture.ids["a1/Ada Lovelace"]!, a2 = fixture.ids["a2/Grace Hopper"]!
        #expect(try store.acknowledgeFindings([a1, a2]) == 2)
        #expect(try store.acknowledgeFindings([a1]) == 0)
        #expect(try store.findings(matching: FindingFilter(state: .acked)).count == 2)
        #expect(try store.findings(matching: FindingFilter(state: .new)).count == 4)
        // One unknown ID and nothing changes.
        let n1 = fixture.ids["n1/Linus Example"]!
        #expect(throws: StoreError.self) { try store.acknowledgeFindings([n1, 9999]) }
        #expect(try store.findingDetail(id: n1)?.finding.state == .new)
        // A repeated ID counts once.
        #expect(try store.acknowledgeFindings([n1, n1]) == 1)

        let labelled = try store.labelFinding(a1, as: .hostile, now: Self.base.addingTimeInterval(86_400))
        #expect(labelled.label == .hostile)
        #expect(try store.findingDetail(id: a1)?.finding.label == .hostile)
        #expect(try store.findings(matching: FindingFilter(label: .hostile)).map(\.finding.id) == [a1])
        try store.labelFinding(a1, as: nil)
        #expect(try store.findingDetail(id: a1)?.finding.label == nil)
        #expect(throws: StoreError.self) { try store.labelFinding(9999, as: .benign) }
    }

    @Test func labelledTextsFeedTraining() throws {
        let fixture = try Self.fixture()
        let store = fixture.store
        #expect(try store.labelledFindingTexts().isEmpty)
        try store.labelFinding(fixture.ids["a1/Ada Lovelace"]!, as: .hostile)
        try store.labelFinding(fixture.ids["a3/Grace Hopper"]!, as: .benign)
        // The same item labelled agent for two people is one training text.
        try store.labelFinding(fixture.ids["n1/Linus Example"]!, as: .agent)
        try store.labelFinding(fixture.ids["n1/Ada Lovelace"]!, as: .agent)
        let texts = try store.labelledFindingTexts()
        #expect(texts.map(\.label) == [.hostile, .benign, .agent])
        #expect(texts.map(\.task) == [.hostility, .hostility, .agent])
        #expect(texts.map(\.isPositive) == [true, false, true])
        #expect(texts.first?.text == "Ada is a gatekeeper.")
        #expect(texts.first?.title == "Title a1")
    }

    @Test func detailCarriesItemPersonAndFeed() throws {
        let fixture = try Self.fixture()
        let detail = try #require(try fixture.store.findingDetail(id: fixture.ids["a2/Grace Hopper"]!))
        #expect(detail.person.name == "Grace Hopper")
        #expect(detail.teams == ["core", "infra"])
        #expect(detail.feed.url == "https://mirror.example/rss")
        #expect(detail.item.author == "agentbot")
        #expect(try fixture.store.findingDetail(id: 424_242) == nil)
    }

    @Test func exportRowsHaveTheDocumentedShape() throws {
        let fixture = try Self.fixture()
        var rows: [FindingExportRow] = []
        try fixture.store.forEachExportRow(matching: FindingFilter(person: "Grace Hopper")) { rows.append($0) }
        #expect(rows.map(\.id) == rows.map(\.id).sorted())
        #expect(rows.count == 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(rows[0])) as? [String: Any])
        #expect(Set(object.keys) == [
            "schema", "id", "person", "teams", "severity", "kind", "related_finding_id", "closed_pull_request", "scores", "evidence",
            "model_version", "state", "label", "created_at", "updated_at", "item", "feed",
        ])
        #expect(object["closed_pull_request"] is NSNull)
        #expect(object["schema"] as? String == "vigil.finding/2")
        #expect(object["kind"] as? String == "attack")
        #expect(object["related_finding_id"] is NSNull)
        #expect(object["label"] is NSNull)
        let item = try #require(object["item"] as? [String: Any])
        #expect(Set(item.keys) == ["url", "title", "author", "published_at", "first_seen_at"])
        let feed = try #require(object["feed"] as? [String: Any])
        #expect(Set(feed.keys) == ["url", "title", "site_url"])
        let scores = try #require(object["scores"] as? [String: Double])
        #expect(scores["attack"] == 0.6)
        var withText: [FindingExportRow] = []
        try fixture.store.forEachExportRow(matching: FindingFilter(id: fixture.ids["a1/Ada Lovelace"]!), includeText: true) { withText.append($0) }
        #expect(withText.map(\.item.text) == ["Ada is a gatekeeper."])
    }

    @Test func periodCountsHistoryAndTopFindings() throws {
        let fixture = try Self.fixture()
        let store = fixture.store
        let people = Dictionary(uniqueKeysWithValues: try store.people().map { ($0.person.name, $0.person.id!) })
        let end = Self.base.addingTimeInterval(86_400)
        let counts = try store.findingCountsByPerson(in: .all, from: Self.base, to: end, agentThreshold: 0.5)
        #expect(counts[people["Ada Lovelace"]!] == FindingCounts(mentions: 2, low: 0, medium: 0, high: 1, agentLike: 2, agentLikeHostile: 1, attacks: 1))
        #expect(counts[people["Grace Hopper"]!] == FindingCounts(mentions: 2, low: 0, medium: 1, high: 0, agentLike: 1, agentLikeHostile: 1, attacks: 1))
        #expect(counts[people["Linus Example"]!]?.low == 1)
        let infra = try store.findingCountsByPerson(in: .team("infra"), from: Self.base, to: end, agentThreshold: 0.5)
        #expect(Array(infra.keys) == [people["Grace Hopper"]!])
        // The half-open period excludes a finding created at its end.
        let early = try store.findingCountsByPerson(in: .all, from: Self.base, to: Self.base.addingTimeInterval(3600), agentThreshold: 0.5)
        #expect(early.isEmpty)

        let boundaries = [Self.base.addingTimeInterval(-200 * 3600), Self.base, end]
        let history = try store.findingHistoryByPerson(in: .person("Ada Lovelace"), boundaries: boundaries)
        #expect(history[people["Ada Lovelace"]!] == [HistoryCount(mentions: 1, hostile: 1), HistoryCount(mentions: 2, hostile: 1)])
        #expect(history.count == 1)

        let top = try store.topFindings(in: .all, from: Self.base, to: end, limit: 2)
        #expect(top.map(\.finding.severity) == [.high, .medium])
        #expect(try store.topFindings(in: .team("infra"), from: Self.base, to: end, minSeverity: .high, limit: 5).isEmpty)
    }

    @Test func sourcesAcrossPeopleAndFirstSightings() throws {
        let fixture = try Self.fixture()
        let sources = try fixture.store.sourceActivity(in: .all, from: Self.base, to: Self.base.addingTimeInterval(86_400))
        let agent = try #require(sources.first)
        #expect(agent.kind == .author && agent.name == "agentbot")
        #expect(agent.feeds == ["Agent Blog", "Mirror"])
        #expect(agent.peopleAttacked == ["Ada Lovelace", "Grace Hopper"])
        #expect(agent.hostile == 2 && agent.highestSeverity == .high)
        let anonymous = try #require(sources.first { $0.kind == .feed })
        #expect(anonymous.name == "https://anon.example/feed")
        #expect(anonymous.peopleMentioned == ["Ada Lovelace", "Linus Example"])
        #expect(anonymous.peopleAttacked == ["Linus Example"])
        #expect(anonymous.firstSeenAt == Self.base.addingTimeInterval(4 * 3600))
        let human = try #require(sources.first { $0.name == "human" })
        #expect(human.hostile == 0 && human.highestSeverity == .none)
        // Scoped to a team, only its members' findings count.
        let infra = try fixture.store.sourceActivity(in: .team("infra"), from: Self.base, to: Self.base.addingTimeInterval(86_400))
        #expect(infra.map(\.name).sorted() == ["agentbot", "human"])
        #expect(infra.first { $0.name == "agentbot" }?.peopleAttacked == ["Grace Hopper"])
    }

    @Test func aDigestIsRecordedOncePerPeriodAndScope() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let start = Self.base, end = Self.base.addingTimeInterval(604_800)
        let alert = AlertDraft(channel: "ops", payload: "{}", idempotencyKey: "digest:all:1:ops")
        let first = try store.recordDigestSent(DigestRecord(periodStart: start, periodEnd: end, format: "html", body: "<p>1</p>", createdAt: end), alerts: [alert])
        #expect(first != nil)
        #expect(try store.digestRecorded(periodStart: start, periodEnd: end, scope: .all))
        #expect(try !store.digestRecorded(periodStart: start, periodEnd: end, scope: .team("core")))
        #expect(try store.recordDigestSent(DigestRecord(periodStart: start, periodEnd: end, format: "html", body: "<p>2</p>", createdAt: end), alerts: [alert]) == nil)
        #expect(try store.recordDigestSent(DigestRecord(periodStart: start, periodEnd: end, format: "text", body: "2", createdAt: end), alerts: []) == nil)
        #expect(try store.recordDigestSent(DigestRecord(periodStart: start, periodEnd: end, scope: "team:core", format: "text", body: "t", createdAt: end), alerts: []) != nil)
        #expect(try store.lastRecordedDigest(scope: .all)?.body == "<p>1</p>")
        let outbox = try store.read { db in try OutboxRecord.fetchCount(db) }
        let digests = try store.read { db in try DigestRecord.fetchCount(db) }
        #expect(outbox == 1)
        #expect(digests == 2)
    }
}
