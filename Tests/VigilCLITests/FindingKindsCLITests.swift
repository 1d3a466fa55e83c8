import Foundation
import GRDB
import Testing
import VigilStore

/// `vigil findings` with finding kinds: the filter, the kind in every form,
/// and coverage naming the attack it reports on.
@Suite(.serialized) struct FindingKindsCLITests {
    /// The three findings of `FindingsCLITests.seeded` (an attack on Ada, an
    /// attack on Grace, a mention of Ada) plus coverage of the attack on Ada;
    /// returns [attack on Ada, attack on Grace, mention, coverage].
    static func seeded(_ cli: CLI) throws -> [Int64] {
        var ids = try FindingsCLITests.seeded(cli)
        let store = try Store.open(at: cli.folder.appendingPathComponent("vigil.db").path)
        let ada = try #require(try store.people().first { $0.person.name == "Ada Lovelace" }?.person.id)
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            let feed = try #require(try FeedRecord.fetchOne(db))
            let now = Date()
            var item = ItemRecord(
                feedId: feed.id!, dedupeKey: "news", url: "https://news.example/agent-attacks-ada", title: "An agent attacks Ada Lovelace",
                author: "News desk", publishedAt: now, text: "A post at https://agent.example/p/0 attacks Ada.",
                contentHash: "news", firstSeenAt: now, lastSeenAt: now)
            try item.insert(db)
            var finding = FindingRecord(
                itemId: item.id!, personId: ada, hostility: 0.3, agent: 0.1, attack: 0.2, severity: .low, kind: .coverage,
                relatedFindingId: ids[0], evidence: [], modelVersion: "hostility-1+agent-1", createdAt: now, updatedAt: now)
            try finding.insert(db)
            ids.append(finding.id!)
        }
        return ids
    }

    @Test func listByKind() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let ids = try Self.seeded(cli)
        let json = try cli.vigil("findings", "ls", "--kind", "coverage", "--json")
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? Int64 } == [ids[3]])
        #expect(rows.first?["kind"] as? String == "coverage")
        let related = try #require(rows.first?["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["kind"] as? String == "attack")
        #expect(related.first?["finding_id"] as? Int64 == ids[0])
        #expect(related.first?["url"] as? String == "https://agent.example/p/0")
        #expect(related.first?["title"] as? String == FindingsCLITests.hostileTitle)
        #expect(related.first?["at"] is String)

        // Repeated or as a comma list; every row says its kind, and `related` is always there.
        for arguments in [["--kind", "attack", "--kind", "mention"], ["--kind", "attack,mention"], ["--kind", "Attack, mention"]] {
            let result = try cli.run(["--config", cli.configPath, "findings", "ls", "--json"] + arguments)
            let listed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(Set(listed.compactMap { $0["id"] as? Int64 }) == Set(ids[0...2]), "\(arguments)")
            #expect(Set(listed.compactMap { $0["kind"] as? String }) == ["attack", "mention"])
            #expect(listed.allSatisfy { ($0["related"] as? [Any])?.isEmpty == true })
        }

        let table = try cli.vigil("findings", "ls", "--kind", "coverage")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.contains("SEVERITY  KIND") == true)
        #expect(lines.count == 2 && lines[1].contains("low       coverage"))

        // The export filters the same way and carries the kind and the link.
        let export = try cli.vigil("findings", "export", "--kind", "coverage")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "vigil.finding/2")
        #expect(object["kind"] as? String == "coverage")
        #expect(object["related_finding_id"] as? Int64 == ids[0])
    }

    @Test func aBadKindIsAOneLineError() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.seeded(cli)
        for arguments in [["findings", "ls", "--kind", "rumour"], ["findings", "ls", "--kind", "attack,"], ["findings", "export", "--kind", "news"]] {
            let result = try cli.run(["--config", cli.configPath] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--kind"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func showNamesTheAttackACoverageFindingCovers() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let ids = try Self.seeded(cli)
        let shown = try cli.vigil("findings", "show", String(ids[3]))
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Kind      coverage: "))
        // The attack's title is feed text: cleaned of its terminal escapes like every other.
        #expect(shown.stdout.contains("Covers attack finding #\(ids[0]): \"Gatekeeping <script>alert(1)</script> story\" https://agent.example/p/0"))
        #expect(!shown.stdout.contains("\u{1B}"))
        let attack = try cli.vigil("findings", "show", String(ids[0]))
        #expect(attack.stdout.contains("Kind      attack: "))
        #expect(!attack.stdout.contains("Covers attack finding"))

        let json = try cli.vigil("findings", "show", String(ids[3]), "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["finding"] as? [String: Any])?["kind"] as? String == "coverage")
        let related = try #require(object["related"] as? [[String: Any]])
        #expect(related.map { $0["finding_id"] as? Int64 } == [ids[0]])
        #expect(Set(try #require(related.first).keys) == ["kind", "url", "title", "at", "finding_id"])
        let plain = try cli.vigil("findings", "show", String(ids[2]), "--json")
        let mention = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect((mention["related"] as? [Any])?.isEmpty == true)
    }
}
