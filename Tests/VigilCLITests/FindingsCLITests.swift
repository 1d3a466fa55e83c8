import Foundation
import GRDB
import Testing
import VigilStore

/// `vigil findings` as a user meets it, over a database written through the
/// store's records (findings are normally created by the daemon).
@Suite(.serialized) struct FindingsCLITests {
    static let hostileTitle = "Gatekeeping <script>alert(1)</script>\u{1B}[2J\u{1B}]0;owned\u{07} story"

    /// A config and database with three findings about two people; returns the finding IDs.
    static func seeded(_ cli: CLI) throws -> [Int64] {
        let initResult = try cli.run(["init", "--dir", "."])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        try cli.vigil("watch", "add", "Ada Lovelace", "--team", "core")
        try cli.vigil("watch", "add", "Grace Hopper", "--team", "infra")
        let store = try Store.open(at: cli.folder.appendingPathComponent("vigil.db").path)
        let people = Dictionary(uniqueKeysWithValues: try store.people().map { ($0.person.name, $0.person.id!) })
        let now = Date()
        var ids: [Int64] = []
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            var feed = FeedRecord(url: "https://agent.example/feed.json", title: "Agent Notes", nextPollAt: now, createdAt: now)
            try feed.insert(db)
            let rows: [(String, String, Severity, Double, Double)] = [
                ("Ada Lovelace", hostileTitle, .high, 0.92, 0.9),
                ("Grace Hopper", "Why infra reviews are slow", .medium, 0.64, 0.85),
                ("Ada Lovelace", "Release notes", .none, 0.03, 0.1),
            ]
            for (index, row) in rows.enumerated() {
                let time = now.addingTimeInterval(Double(-3600 * (index + 1)))
                var item = ItemRecord(
                    feedId: feed.id!, dedupeKey: "k\(index)", url: "https://agent.example/p/\(index)", title: row.1,
                    author: "Patchwright", publishedAt: time, text: "She is protecting her fiefdom. More text follows here.",
                    contentHash: "h\(index)", firstSeenAt: time, lastSeenAt: time)
                try item.insert(db)
                var finding = FindingRecord(
                    itemId: item.id!, personId: people[row.0]!, hostility: row.3, agent: row.4, attack: row.3, severity: row.2,
                    kind: row.2 >= .medium ? .attack : .mention,
                    evidence: row.2 == .none ? [] : [Evidence(kind: .hostile, start: 0, end: 30, score: 0.93, text: "She is protecting her fiefdom.")],
                    modelVersion: "hostility-1+agent-1", createdAt: time, updatedAt: time)
                try finding.insert(db)
                ids.append(finding.id!)
            }
        }
        return ids
    }

    @Test func listFiltersAndJSON() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let ids = try Self.seeded(cli)
        let table = try cli.vigil("findings", "ls")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID  ") == true)
        #expect(lines.count == 4)
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(!table.stdout.contains("\u{07}"))

        let json = try cli.vigil("findings", "ls", "--json", "--min-severity", "medium")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? Int64 } == [ids[0], ids[1]])
        #expect(rows.first?["title"] as? String == Self.hostileTitle)
        #expect(!json.stdout.contains("\u{1B}"))

        let team = try cli.vigil("findings", "ls", "--json", "--team", "infra")
        #expect((try JSONSerialization.jsonObject(with: Data(team.stdout.utf8)) as? [[String: Any]])?.map { $0["person"] as? String } == ["Grace Hopper"])
        let person = try cli.vigil("findings", "ls", "--json", "--person", "ada lovelace", "--severity", "none")
        #expect((try JSONSerialization.jsonObject(with: Data(person.stdout.utf8)) as? [[String: Any]])?.count == 1)
        let recent = try cli.vigil("findings", "ls", "--json", "--since", "90m")
        #expect((try JSONSerialization.jsonObject(with: Data(recent.stdout.utf8)) as? [[String: Any]])?.count == 1)
        let none = try cli.vigil("findings", "ls", "--state", "acked")
        #expect(none.status == 0 && none.stdout == "no findings match\n")
    }

    @Test func badFiltersAreOneLineErrors() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.seeded(cli)
        for arguments in [
            ["findings", "ls", "--min-severity", "urgent"], ["findings", "ls", "--since", "soon"],
            ["findings", "ls", "--state", "open"], ["findings", "ls", "--person", "Nobody"],
            ["findings", "ls", "--team", "nobody"], ["findings", "show", "999"], ["findings", "ack", "999"],
            ["findings", "label", "1", "spam"], ["findings", "export", "--format", "csv"],
        ] {
            let result = try cli.run(["--config", cli.configPath] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func showExplainsTheFinding() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let ids = try Self.seeded(cli)
        let shown = try cli.vigil("findings", "show", String(ids[0]))
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Finding \(ids[0])  [HIGH]  new"))
        #expect(shown.stdout.contains("Person    Ada Lovelace (teams: core)"))
        #expect(shown.stdout.contains("attack 0.92"))
        #expect(shown.stdout.contains("Model     hostility-1+agent-1"))
        #expect(shown.stdout.contains("[hostile 0.93] 0–30"))
        #expect(shown.stdout.contains("\"She is protecting her fiefdom.\""))
        #expect(shown.stdout.contains("Feed      Agent Notes  https://agent.example/feed.json"))
        #expect(shown.stdout.contains("Source prior\n  "))
        #expect(shown.stdout.contains("earlier scored post"))
        #expect(!shown.stdout.contains("\u{1B}"))
        let json = try cli.vigil("findings", "show", String(ids[0]), "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["finding"] as? [String: Any])?["id"] as? Int64 == ids[0])
        #expect(object["item_text"] as? String == "She is protecting her fiefdom. More text follows here.")
        #expect((object["source_prior"] as? String)?.contains("Source prior") == true)
    }

    @Test func ackAndLabelChangeWhatIsListed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let ids = try Self.seeded(cli)
        let ack = try cli.vigil("findings", "ack", String(ids[0]), String(ids[1]))
        #expect(ack.status == 0 && ack.stdout == "acknowledged 2 findings\n", "\(ack.stderr)")
        let again = try cli.vigil("findings", "ack", String(ids[0]))
        #expect(again.stdout == "acknowledged 0 findings (1 already acknowledged)\n")
        let acked = try cli.vigil("findings", "ls", "--json", "--state", "acked")
        #expect((try JSONSerialization.jsonObject(with: Data(acked.stdout.utf8)) as? [[String: Any]])?.count == 2)

        let label = try cli.vigil("findings", "label", String(ids[2]), "benign")
        #expect(label.status == 0 && label.stdout == "finding \(ids[2]) labelled benign\n")
        let store = try Store.open(at: cli.folder.appendingPathComponent("vigil.db").path)
        #expect(try store.labelledFindingTexts().map(\.label) == [.benign])
        let cleared = try cli.vigil("findings", "label", String(ids[2]), "none")
        #expect(cleared.stdout == "finding \(ids[2]): label removed\n")
        #expect(try store.labelledFindingTexts().isEmpty)
    }

    @Test func exportWritesOneDocumentedObjectPerLine() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let ids = try Self.seeded(cli)
        let export = try cli.vigil("findings", "export", "--format", "jsonl")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr == "exported 3 findings\n")
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        var seen: [Int64] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["schema"] as? String == "vigil.finding/2")
            #expect((object["item"] as? [String: Any])?["text"] == nil)
            seen.append(object["id"] as! Int64)
        }
        #expect(seen == ids.sorted())
        #expect(!export.stdout.contains("\u{1B}"))
        let filtered = try cli.vigil("findings", "export", "--min-severity", "high", "--with-text")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [String: Any])
        #expect((object["item"] as? [String: Any])?["text"] as? String == "She is protecting her fiefdom. More text follows here.")
        #expect((object["evidence"] as? [[String: Any]])?.first?["start"] as? Int == 0)
    }
}
