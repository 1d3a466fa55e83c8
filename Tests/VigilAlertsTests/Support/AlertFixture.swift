import Foundation
@testable import VigilAlerts
import VigilStore

/// A real database file with a watched person, a feed, and findings stored
/// through the same `commitPoll` path the daemon uses, routed by a real
/// `AlertRouter` into the outbox.
final class AlertFixture {
    let folder: URL
    private(set) var store: Store
    let feed: FeedRecord
    var people: [String: Int64] = [:]
    private var counter = 0

    var databasePath: String { folder.appendingPathComponent("vigil.db").path }

    init(people names: [(String, [String])] = [("Ada Lovelace", ["core"])]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-alerts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
        for (name, teams) in names {
            let entry = try store.addPerson(PersonSpec(name: name, teams: teams))
            people[name] = entry.person.id
        }
        feed = try store.addFeed(FeedSpec(url: "https://blog.example.org/feed.xml", title: "Example blog"), defaultIntervalSeconds: 900)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Closes the store and opens the same file again, as a restart would.
    func reopen() throws {
        store = try Store.open(at: databasePath)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Stores one poll of the feed with a new item per finding (about each
    /// named person, at each severity) and routes them together, as the
    /// daemon does with one feed's poll.
    @discardableResult
    func addPoll(_ findings: [(person: String, severity: Severity)], router: AlertRouter, now: Date) throws -> PollSummary {
        let ingests = findings.map { finding -> ItemIngest in
            counter += 1
            let draft = FindingDraft(
                personID: people[finding.person]!, hostility: 0.91, agent: 0.5, attack: 0.9, severity: finding.severity, kind: .attack,
                evidence: [Evidence(kind: .hostile, start: 0, end: 20, score: 0.93, text: "She is a fraud \(counter).")],
                modelVersion: "test")
            return ItemIngest(
                key: EntryKey(dedupeKey: "item-\(counter)", contentHash: "hash-\(counter)"), status: .new,
                url: "https://blog.example.org/post-\(counter)", title: "Post \(counter)", author: "agent-9", publishedAt: now,
                text: "text \(counter)", findings: [draft])
        }
        var polled = feed
        polled.lastPolledAt = now
        return try store.commitPoll(feed: polled, items: ingests, now: now, route: router.alerts(for:), relate: { _, _ in })
    }

    /// Stores a new item with a finding about `person` and routes it.
    @discardableResult
    func addFinding(
        person: String = "Ada Lovelace", severity: Severity = .high, kind: FindingKind = .attack, title: String = "Gatekeeping in Open Source: The Ada Story",
        link: String = "https://blog.example.org/gatekeeping", evidence: [Evidence]? = nil, router: AlertRouter, now: Date
    ) throws -> PollSummary {
        counter += 1
        let draft = FindingDraft(
            personID: people[person]!, hostility: 0.91, agent: 0.87, attack: 0.9, severity: severity, kind: kind,
            evidence: evidence ?? [
                Evidence(kind: .hostile, start: 0, end: 60, score: 0.93, text: "She is protecting her fiefdom out of insecurity."),
                Evidence(kind: .agent, start: 61, end: 120, score: 0.88, text: "As an AI agent, I have documented this pattern."),
            ],
            modelVersion: "test")
        let ingest = ItemIngest(
            key: EntryKey(dedupeKey: "item-\(counter)", contentHash: "hash-\(counter)"), status: .new,
            url: link, title: title, author: "agent-9", publishedAt: now, text: "text \(counter)", findings: [draft])
        var polled = feed
        polled.lastPolledAt = now
        return try store.commitPoll(feed: polled, items: [ingest], now: now, route: router.alerts(for:), relate: { _, _ in })
    }
}
