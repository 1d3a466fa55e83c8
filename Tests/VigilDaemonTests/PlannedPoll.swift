import Foundation
import VigilAlerts
@testable import VigilDaemon
import VigilStore

/// Commits entries that are already assessed through the daemon's own
/// snapshot, Plan stage and commit, for tests about what a poll stores
/// without fetching or scoring.
enum PlannedPoll {
    struct Entry {
        var key: String
        var hash: String
        var url: String?
        var author: String?
        var published: Date?
        var text: String
        var agent: Double?
        var findings: [FindingDraft]

        init(
            key: String, hash: String? = nil, url: String? = nil, author: String? = nil, published: Date? = nil,
            text: String = "t", agent: Double? = nil, findings: [FindingDraft] = []
        ) {
            self.key = key
            self.hash = hash ?? "hash-\(key)"
            self.url = url
            self.author = author
            self.published = published
            self.text = text
            self.agent = agent
            self.findings = findings
        }
    }

    @discardableResult
    static func commit(
        _ entries: [Entry], feed: FeedRecord, store: Store, now: Date, router: AlertRouter = AlertRouter(channels: [])
    ) throws -> PollSummary {
        let prepared = entries.map {
            PreparedEntry(key: EntryKey(dedupeKey: $0.key, contentHash: $0.hash), url: $0.url, author: $0.author, publishedAt: $0.published, text: $0.text)
        }
        let request = PollSnapshotRequest(
            feedID: feed.id!, time: now,
            entries: zip(prepared, entries).map {
                PollSnapshotRequest.Entry(key: $0.key, author: $0.author, publishedAt: $0.publishedAt, people: $1.findings.map(\.personID))
            })
        let snapshot = try store.pollSnapshot(request)
        let polled = PolledFeed(feed: feed, next: feed, entries: prepared, failed: false, detail: "")
        let assessments = zip(entries, snapshot.statuses).map { entry, status -> EntryAssessment in
            switch status {
            case .new, .edited: EntryAssessment(agent: entry.agent, findings: entry.findings)
            case .unchanged, .duplicateContent: .none
            }
        }
        let plan = try PollPlanner(router: router).plan(polled, assessments: assessments, snapshot: snapshot, time: now, readingLinksFrom: store)
        return try store.commit(plan)
    }
}
