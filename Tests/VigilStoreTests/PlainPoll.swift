import Foundation
import VigilStore

/// Plain poll plans for the store's own tests, which need no scoring: the
/// pipeline's Plan stage decides what a real poll writes.
enum PlainPoll {
    static func item(
        feed: FeedRecord, key: String, hash: String? = nil, url: String? = nil, title: String? = nil,
        author: String? = nil, published: Date? = nil, text: String? = nil, agent: Double? = nil, now: Date
    ) -> ItemRecord {
        ItemRecord(
            feedId: feed.id!, dedupeKey: key, url: url, title: title, author: author, publishedAt: published, text: text,
            contentHash: hash ?? "hash-\(key)", firstSeenAt: now, lastSeenAt: now, agent: agent)
    }

    /// Commits new items, each with its findings (numbered from the store's
    /// next finding ID, as a snapshot gives it), and the items to update.
    @discardableResult
    static func commit(
        _ store: Store, feed: FeedRecord, new items: [(ItemRecord, [FindingRecord])] = [], updated: [ItemRecord] = [],
        alerts: (([FindingRecord]) -> [RoutedAlert])? = nil, now: Date
    ) throws -> PollSummary {
        let snapshot = try store.pollSnapshot(PollSnapshotRequest(feedID: feed.id!, time: now, entries: []))
        var plan = PollPlan(feed: feed, time: now, firstNewFindingID: snapshot.nextFindingID)
        var nextID = snapshot.nextFindingID
        var stored: [FindingRecord] = []
        for (record, findings) in items {
            plan.items.append(.insert(record, requiresUnseenContent: true))
            for var finding in findings {
                finding.id = nextID
                nextID += 1
                plan.findings.append(PlannedFinding(item: .planned(plan.items.count - 1), record: finding, isNew: true))
                stored.append(finding)
            }
        }
        plan.items += updated.map { .update($0) }
        plan.alerts = alerts?(stored) ?? []
        return try store.commit(plan)
    }
}
