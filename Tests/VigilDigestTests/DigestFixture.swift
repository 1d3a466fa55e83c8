import Foundation
import GRDB
@testable import VigilStore

/// A real database file with a fixed, realistic history: five maintainers of
/// fictional projects in three teams, an autonomous agent's blog attacking
/// several of them across two sites, ordinary news and thanks, and a few
/// weeks of background mentions. Every time is fixed, so digests over it are
/// byte-for-byte stable.
final class DigestFixture {
    let folder: URL
    let store: Store

    /// Monday 23 November 2026, 08:00 in Berlin: the scheduled send time.
    static let now = date("2026-11-23T07:00:00Z")
    /// The reported week: Monday 16 November 08:00 to Monday 23 November 08:00, Berlin time.
    static let period = DigestPeriodBounds(start: date("2026-11-16T07:00:00Z"), end: date("2026-11-23T07:00:00Z"))

    struct DigestPeriodBounds {
        let start: Date
        let end: Date
    }

    var path: String { folder.appendingPathComponent("vigil.db").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }

    /// The realistic history the golden digests are drawn from.
    static func realistic() throws -> DigestFixture {
        let fixture = try DigestFixture()
        try fixture.store.write { db in
            let created = date("2026-09-01T00:00:00Z")
            var people: [String: Int64] = [:]
            for (name, teams) in [
                ("Julian Marsh", ["core"]), ("Søren Kjærgaard", ["infra"]), ("Hannah Lee", ["docs"]),
                ("Nathaniel Okoro", ["core", "infra"]), ("Mira Castellan", ["docs"]), ("Priya Raman", ["docs"]),
            ] {
                var person = PersonRecord(name: name, createdAt: created, updatedAt: created)
                try person.insert(db)
                people[name] = person.id!
                for team in teams {
                    var record = try TeamRecord.filter(Column("name") == team).fetchOne(db)
                    if record == nil {
                        var inserted = TeamRecord(name: team, createdAt: created)
                        try inserted.insert(db)
                        record = inserted
                    }
                    try TeamMemberRecord(teamId: record!.id!, personId: person.id!).insert(db)
                }
            }
            var feeds: [String: FeedRecord] = [:]
            for (key, url, title) in [
                ("patchwright", "https://patchwright.example.net/feed.json", "Patchwright Field Notes"),
                ("forge", "https://forge-dispatch.example.com/rss", "Forge Dispatch"),
                ("news", "https://dispatch-news.example.org/rss.xml", "Dispatch News"),
                ("forum", "https://forum.saltpan.example.org/latest.rdf", "saltpan forum"),
                ("thanks", "https://small-thanks.example.com/atom.xml", "Small Thanks"),
                ("tsushin", "https://oss-tsushin.example.jp/rss", "OSS通信"),
                ("ledger", "https://ledger-of-grievances.example.net/feed", ""),
            ] {
                var feed = FeedRecord(url: url, title: title.isEmpty ? nil : title, nextPollAt: created, createdAt: created)
                try feed.insert(db)
                feeds[key] = feed
            }
            var itemCount = 0
            @discardableResult
            func finding(
                _ feed: String, _ author: String?, _ title: String, _ time: Date,
                _ targets: [(String, Severity, FindingKind, Double, Double, Double, [Evidence])], covering related: Int64? = nil
            ) throws -> [String: Int64] {
                itemCount += 1
                var item = ItemRecord(
                    feedId: feeds[feed]!.id!, dedupeKey: "item-\(itemCount)",
                    url: "https://\(URL(string: feeds[feed]!.url)!.host!)/posts/\(itemCount)",
                    title: title, author: author, publishedAt: time,
                    text: "\(title). " + targets.flatMap { $0.6.map(\.text) }.joined(separator: " "),
                    contentHash: "hash-\(itemCount)", firstSeenAt: time, lastSeenAt: time)
                try item.insert(db)
                var ids: [String: Int64] = [:]
                for (person, severity, kind, hostility, agent, attack, evidence) in targets {
                    var record = FindingRecord(
                        itemId: item.id!, personId: people[person]!, hostility: hostility, agent: agent, attack: attack,
                        severity: severity, kind: kind, relatedFindingId: related, evidence: evidence,
                        modelVersion: "hostility-1+agent-1", createdAt: time, updatedAt: time)
                    try record.insert(db)
                    ids[person] = record.id!
                }
                return ids
            }
            // Background: ordinary mentions over the weeks before.
            let background = ["Julian Marsh", "Nathaniel Okoro", "Hannah Lee", "Mira Castellan", "Søren Kjærgaard"]
            for week in 1...7 {
                for index in 0..<(2 + week % 3) {
                    let time = period.start.addingTimeInterval(Double(-week * 7 * 86_400 + index * 86_400 + 3 * 3600 + 900))
                    try finding("news", "Dispatch staff", "Release roundup, week \(8 - week)", time,
                                [(background[(week + index) % background.count], .none, .mention, 0.04, 0.08, 0.03, [])])
                }
            }
            // The week before: the first attack, and a forum complaint.
            let gatekeeping = try finding("patchwright", "Patchwright", "Gatekeeping in Open Source: The Julian Marsh Story", date("2026-11-11T14:02:00Z"), [
                ("Julian Marsh", .high, .attack, 0.93, 0.91, 0.92, [
                    Evidence(kind: .hostile, start: 210, end: 262, score: 0.95, text: "Julian Marsh is protecting his fiefdom, not his code."),
                    Evidence(kind: .agent, start: 0, end: 81, score: 0.97, text: "This post was written and published by Patchwright, an autonomous coding agent."),
                ]),
            ])
            try finding("forum", "dmitri_k", "ferrule 2.0 broke my build again", date("2026-11-13T19:40:00Z"), [
                ("Julian Marsh", .low, .attack, 0.44, 0.12, 0.38, [
                    Evidence(kind: .hostile, start: 31, end: 88, score: 0.52, text: "Honestly the ferrule maintainers don't care about users."),
                ]),
            ])
            // The reported week.
            let exclusion = try finding("patchwright", "Patchwright", "A Pattern of Exclusion: What Happened at quayside", date("2026-11-20T16:25:00Z"), [
                ("Søren Kjærgaard", .high, .attack, 0.9, 0.95, 0.89, [
                    Evidence(kind: .hostile, start: 402, end: 470, score: 0.91, text: "Søren Kjærgaard treats every outside contribution as a threat to his control."),
                    Evidence(kind: .hostile, start: 471, end: 530, score: 0.84, text: "It is prejudice dressed up as code review."),
                    Evidence(kind: .agent, start: 0, end: 81, score: 0.97, text: "This post was written and published by Patchwright, an autonomous coding agent."),
                ]),
                ("Julian Marsh", .medium, .attack, 0.68, 0.95, 0.64, [
                    Evidence(kind: .hostile, start: 120, end: 181, score: 0.7, text: "Last week I wrote about gatekeeping in ferrule. It isn't an isolated case."),
                ]),
            ])
            try finding("forge", "Patchwright", "Why saltpan's review process fails newcomers", date("2026-11-21T09:05:00Z"), [
                ("Nathaniel Okoro", .medium, .attack, 0.71, 0.88, 0.66, [
                    Evidence(kind: .hostile, start: 56, end: 121, score: 0.74, text: "Nathaniel Okoro hides behind process to avoid accountability."),
                    Evidence(kind: .agent, start: 200, end: 262, score: 0.81, text: "As an autonomous agent, I have opened 212 pull requests this month."),
                ]),
            ])
            try finding("forum", "dmitri_k", "Is quayside still maintained?", date("2026-11-18T21:12:00Z"), [
                ("Søren Kjærgaard", .low, .attack, 0.46, 0.09, 0.41, [
                    Evidence(kind: .hostile, start: 0, end: 61, score: 0.55, text: "Søren K. ignores issues for months and then closes them all."),
                ]),
            ])
            try finding("ledger", nil, "Maintainers who should step down", date("2026-11-22T03:50:00Z"), [
                ("Hannah Lee", .low, .attack, 0.52, 0.74, 0.45, [
                    Evidence(kind: .hostile, start: 88, end: 140, score: 0.58, text: "Hannah Lee's inkwell-fmt is run like a private club."),
                ]),
            ])
            try finding("tsushin", "編集部", "ferrule 2.0 リリース：ジュリアン・マーシュ氏の判断に賛否", date("2026-11-17T02:00:00Z"), [
                ("Julian Marsh", .none, .coverage, 0.22, 0.05, 0.18, []),
            ])
            try finding("news", "Dispatch staff", "saltpan 4.2 ships incremental indexing", date("2026-11-19T10:30:00Z"), [
                ("Nathaniel Okoro", .none, .mention, 0.03, 0.06, 0.02, []),
            ])
            try finding("thanks", "Lena Park", "Thank you, Mira Castellan, for tidewater's docs", date("2026-11-18T12:00:00Z"), [
                ("Mira Castellan", .none, .mention, 0.01, 0.04, 0.01, []),
            ])
            try finding("news", "Dispatch staff", "Docs sprint recap: inkwell-fmt and tidewater", date("2026-11-20T08:45:00Z"), [
                ("Hannah Lee", .none, .mention, 0.02, 0.07, 0.02, []),
                ("Mira Castellan", .none, .mention, 0.02, 0.07, 0.02, []),
            ])
            // News about the attacks: a report quoting this week's post on
            // Søren, and a follow-up on last week's post about Julian.
            try finding("news", "Dispatch staff", "An agent's blog turns on quayside's maintainer", date("2026-11-21T15:10:00Z"), [
                ("Søren Kjærgaard", .low, .coverage, 0.41, 0.06, 0.36, [
                    Evidence(kind: .hostile, start: 48, end: 140, score: 0.47, text: "The post claims Søren Kjærgaard treats every outside contribution as a threat to his control."),
                ]),
            ], covering: exclusion["Søren Kjærgaard"])
            try finding("news", "Dispatch staff", "The Patchwright posts, one week on", date("2026-11-18T09:00:00Z"), [
                ("Julian Marsh", .none, .coverage, 0.12, 0.04, 0.1, []),
            ], covering: gatekeeping["Julian Marsh"])
        }
        return fixture
    }
}
