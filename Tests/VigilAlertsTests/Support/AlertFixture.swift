import Foundation
@testable import VigilAlerts
import VigilStore

/// A real database file with a watched person, a feed, and findings stored
/// through the same commit the daemon uses, routed by a real
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
        let rows = findings.map { finding -> (ItemRecord, FindingRecord) in
            counter += 1
            return (
                item(key: "item-\(counter)", url: "https://blog.example.org/post-\(counter)", title: "Post \(counter)", now: now),
                self.finding(
                    person: finding.person, agent: 0.5, severity: finding.severity, kind: .attack,
                    evidence: [Evidence(kind: .hostile, start: 0, end: 20, score: 0.93, text: "She is a fraud \(counter).")], now: now))
        }
        return try commit(rows, router: router, now: now)
    }

    /// Stores a new item with a finding about `person` and routes it.
    @discardableResult
    func addFinding(
        person: String = "Ada Lovelace", severity: Severity = .high, kind: FindingKind = .attack, title: String = "Gatekeeping in Open Source: The Ada Story",
        link: String = "https://blog.example.org/gatekeeping", evidence: [Evidence]? = nil, router: AlertRouter, now: Date
    ) throws -> PollSummary {
        counter += 1
        let finding = finding(
            person: person, agent: 0.87, severity: severity, kind: kind,
            evidence: evidence ?? [
                Evidence(kind: .hostile, start: 0, end: 60, score: 0.93, text: "She is protecting her fiefdom out of insecurity."),
                Evidence(kind: .agent, start: 61, end: 120, score: 0.88, text: "As an AI agent, I have documented this pattern."),
            ], now: now)
        return try commit([(item(key: "item-\(counter)", url: link, title: title, now: now), finding)], router: router, now: now)
    }

    private func item(key: String, url: String, title: String, now: Date) -> ItemRecord {
        ItemRecord(
            feedId: feed.id!, dedupeKey: key, url: url, title: title, author: "agent-9", publishedAt: now, text: "text \(counter)",
            contentHash: "hash-\(counter)", firstSeenAt: now, lastSeenAt: now)
    }

    private func finding(person: String, agent: Double, severity: Severity, kind: FindingKind, evidence: [Evidence], now: Date) -> FindingRecord {
        FindingRecord(
            itemId: 0, personId: people[person]!, hostility: 0.91, agent: agent, attack: 0.9, severity: severity, kind: kind,
            evidence: evidence, modelVersion: "test", createdAt: now, updatedAt: now)
    }

    /// Commits new items with their findings through the store's commit,
    /// with the alerts a real router asks for, as the daemon's Plan stage does.
    private func commit(_ rows: [(ItemRecord, FindingRecord)], router: AlertRouter, now: Date) throws -> PollSummary {
        var polled = feed
        polled.lastPolledAt = now
        let snapshot = try store.pollSnapshot(PollSnapshotRequest(
            feedID: feed.id!, time: now,
            entries: rows.map { item, finding in
                PollSnapshotRequest.Entry(
                    key: EntryKey(dedupeKey: item.dedupeKey, contentHash: item.contentHash), author: item.author,
                    publishedAt: item.publishedAt, people: [finding.personId])
            }))
        var plan = PollPlan(feed: polled, time: now, firstNewFindingID: snapshot.nextFindingID)
        var alerting: [StoredFinding] = []
        for (index, (item, finding)) in rows.enumerated() {
            var numbered = finding
            numbered.id = snapshot.nextFindingID + Int64(index)
            plan.items.append(.insert(item, requiresUnseenContent: true))
            plan.findings.append(PlannedFinding(item: .planned(index), record: numbered, isNew: true))
            let person = snapshot.people[finding.personId]!
            alerting.append(StoredFinding(finding: numbered, person: person.person, teams: person.teams, item: item, feed: polled, previousSeverity: nil))
        }
        plan.alerts = router.alerts(for: alerting)
        return try store.commit(plan)
    }
}
