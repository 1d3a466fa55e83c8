import Foundation
import VigilStore

/// Polls one feed through the pipeline's stages, each a value in and a
/// value out: Entry (fetch, parse, extract) → Mentions (matched once) →
/// one snapshot read of the store → Assessment (scored, evidence chosen
/// once) → Plan (merge policy, links, alerts) → one commit.
///
/// Entries seen before with the same content are not scored again; an
/// edited entry is re-scored and its findings updated in place. Every new
/// or edited entry keeps its agent score, mentions or not, so that the
/// source prior sees everything its feed and author publish.
public struct FeedPoller: Sendable {
    public let store: Store
    public let entries: EntryStage
    public let assessment: AssessmentStage
    public let planner: PollPlanner
    /// How often a poll is planned again when its plan went stale before it
    /// was committed (another feed's commit took a finding's ID meanwhile).
    /// Feeds polled at once do this often on their first cycle; a plan made
    /// again reuses its scores, so only the read and the plan are repeated.
    public static let maximumAttempts = 8

    public init(store: Store, entries: EntryStage, assessment: AssessmentStage, planner: PollPlanner) {
        self.store = store
        self.entries = entries
        self.assessment = assessment
        self.planner = planner
    }

    public func poll(_ feed: FeedRecord, watchlist: WatchlistSnapshot, now: Date = Date()) async throws -> FeedPollReport {
        let polled = try await entries.fetch(feed, watchlist: watchlist, now: now)
        let mentions = EntryMentions(polled.entries, watchlist: watchlist)
        var request = PollSnapshotRequest(
            feedID: feed.id ?? 0, time: now,
            entries: zip(polled.entries, mentions.mentions).map { entry, found in
                PollSnapshotRequest.Entry(key: entry.key, author: entry.author, publishedAt: entry.publishedAt, mentions: !found.isEmpty)
            },
            people: mentions.people(in: watchlist),
            movedURL: polled.next.url != feed.url ? polled.next.url : nil)
        SourceHistory.request(for: polled.next, &request)

        var attempt = 1
        var scored: (snapshot: PollSnapshot, assessments: [EntryAssessment])?
        while true {
            let snapshot = request.entries.isEmpty && request.movedURL == nil ? PollSnapshot() : try store.pollSnapshot(request)
            var current = polled
            if snapshot.movedURLTaken {
                // The feed moved to an address already polled as its own feed.
                current.next.url = feed.url
                current.next.enabled = false
                current.next.disabledReason = "moved permanently to \(polled.next.url), which is already in the feed list"
            }
            // A plan made again after a stale one keeps its scores when what
            // they were made from (statuses and histories) is unchanged.
            let assessments: [EntryAssessment]
            if let scored, scored.snapshot.statuses == snapshot.statuses, scored.snapshot.histories == snapshot.histories {
                assessments = scored.assessments
            } else {
                assessments = assessment.assess(current, mentions: mentions, snapshot: snapshot, watchlist: watchlist, now: now)
            }
            scored = (snapshot, assessments)
            let plan = planner.plan(current, assessments: assessments, snapshot: snapshot, time: now)
            if !polled.entries.isEmpty { try Task.checkCancellation() }
            do {
                let summary = try store.commit(plan)
                guard !polled.entries.isEmpty else {
                    return FeedPollReport(feedURL: feed.url, failed: polled.failed, detail: polled.detail)
                }
                return FeedPollReport(feedURL: feed.url, failed: false, detail: polled.detail, entries: polled.entries.count, summary: summary)
            } catch is StalePollPlan where attempt < Self.maximumAttempts {
                attempt += 1
            }
        }
    }
}
