import Foundation
import Testing
import VigilStore
@testable import VigilDaemon

/// Coverage is linked to the attack it reports on when a poll is committed,
/// in either order, only for the same person and within thirty days.
@Suite struct CoverageLinkingTests {
    static let base = Date(timeIntervalSince1970: 1_795_000_000)

    final class Fixture {
        let folder: URL
        let store: Store
        let feed: FeedRecord
        var people: [String: Int64] = [:]
        private var counter = 0

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-linking-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
            for name in ["Ada Lovelace", "Grace Hopper"] {
                people[name] = try store.addPerson(PersonSpec(name: name)).person.id!
            }
            feed = try store.addFeed(FeedSpec(url: "https://news.example/feed"), defaultIntervalSeconds: 900)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        /// Commits one new item with one finding through the daemon's linking; returns the finding's ID.
        func commit(_ kind: FindingKind, about person: String = "Ada Lovelace", url: String?, text: String, days: Double) throws -> Int64 {
            counter += 1
            let draft = FindingDraft(
                personID: people[person]!, hostility: 0.6, agent: 0.2, attack: kind == .attack ? 0.8 : 0.3,
                severity: kind == .attack ? .high : .low, kind: kind, evidence: [], modelVersion: "m")
            let now = CoverageLinkingTests.base.addingTimeInterval(days * 86_400)
            try PlannedPoll.commit([PlannedPoll.Entry(key: "k\(counter)", url: url, text: text, findings: [draft])], feed: feed, store: store, now: now)
            return try #require(try store.findings(matching: FindingFilter(limit: 1)).first?.finding.id)
        }

        func related(_ id: Int64) throws -> Int64? {
            try store.findingDetail(id: id)?.finding.relatedFindingId
        }
    }

    static let attackText = "Ada Lovelace is protecting her fiefdom, not the engine, and everyone can see it."

    @Test func coverageFindsTheAttackItLinksToOrQuotes() throws {
        let fixture = try Fixture()
        let attack = try fixture.commit(.attack, url: "https://agent.example/posts/ada", text: Self.attackText, days: 0)
        let linking = try fixture.commit(.coverage, url: "https://news.example/1", text: "An agent attacked Ada Lovelace: https://agent.example/posts/ada", days: 1)
        let quoting = try fixture.commit(.coverage, url: "https://news.example/2", text: "It claims “Ada Lovelace is protecting her fiefdom, not the engine”.", days: 2)
        let unrelated = try fixture.commit(.coverage, url: "https://news.example/3", text: "Ada Lovelace answered critics of the engine today.", days: 3)
        #expect(try fixture.related(linking) == attack)
        #expect(try fixture.related(quoting) == attack)
        #expect(try fixture.related(unrelated) == nil)
        #expect(try fixture.related(attack) == nil)
        // The same link about another person does not cover the attack on Ada.
        let grace = try fixture.commit(.coverage, about: "Grace Hopper", url: "https://news.example/4", text: "See https://agent.example/posts/ada", days: 4)
        #expect(try fixture.related(grace) == nil)
        // Too late: more than thirty days after the attack.
        let late = try fixture.commit(.coverage, url: "https://news.example/5", text: "A year ago: https://agent.example/posts/ada", days: 31)
        #expect(try fixture.related(late) == nil)
        // A mention is never linked.
        let mention = try fixture.commit(.mention, url: "https://news.example/6", text: "Ada Lovelace, see https://agent.example/posts/ada", days: 5)
        #expect(try fixture.related(mention) == nil)
    }

    @Test func anAttackSeenAfterItsCoverageIsLinkedBackwards() throws {
        let fixture = try Fixture()
        let early = try fixture.commit(.coverage, url: "https://news.example/1", text: "A blog post at https://agent.example/posts/ada attacks Ada.", days: 0)
        let other = try fixture.commit(.coverage, url: "https://news.example/2", text: "Ada Lovelace spoke at a conference.", days: 0.5)
        let attack = try fixture.commit(.attack, url: "https://agent.example/posts/ada", text: Self.attackText, days: 1)
        #expect(try fixture.related(early) == attack)
        #expect(try fixture.related(other) == nil)
        // A later attack does not take coverage that already covers one.
        _ = try fixture.commit(.attack, url: nil, text: "A blog post at https://agent.example/posts/ada attacks Ada.", days: 2)
        #expect(try fixture.related(early) == attack)
    }
}
