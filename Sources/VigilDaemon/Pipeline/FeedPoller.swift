import Foundation
import VigilStore

/// Polls one feed through the pipeline's stages, each a value in and a
/// value out: Entry (fetch, parse, extract) → Mentions (matched once) →
/// one snapshot read of the store → Assessment (scored, evidence chosen
/// once) → Plan (merge policy, links, alerts) → one commit. A poll that
/// found an attack or coverage also reads the findings it may link to.
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
    /// Which links of a poll's entries are queued to follow; nil follows none.
    public let linkSelection: LinkSelection?
    /// Serializes the commits that store new findings (see `FindingCommitGate`).
    private let gate: FindingCommitGate
    /// How often a poll is planned again when its plan went stale before it
    /// was committed: another feed's commit took a finding's ID or stored the
    /// same content meanwhile. Behind the gate the second plan holds unless
    /// another feed stores the same content again; a plan made again reuses
    /// its scores, so only the read and the plan are repeated.
    public static let maximumAttempts = 8

    public init(
        store: Store, entries: EntryStage, assessment: AssessmentStage, planner: PollPlanner, linkSelection: LinkSelection? = nil
    ) {
        self.linkSelection = linkSelection
        self.store = store
        gate = FindingCommitGate(store: store)
        self.entries = entries
        self.assessment = assessment
        self.planner = planner
    }

    public func poll(_ feed: FeedRecord, watchlist: WatchlistSnapshot, now: Date = Date()) async throws -> FeedPollReport {
        let polled = try await entries.fetch(feed, watchlist: watchlist, now: now)
        return try process(polled, watchlist: watchlist, now: now)
    }

    /// Runs the stages after the Entry stage on entries another source
    /// produced (a repository's comments, a followed page) under their feed row.
    public func process(_ polled: PolledFeed, watchlist: WatchlistSnapshot, now: Date = Date()) throws -> FeedPollReport {
        let feed = polled.feed
        let mentions = EntryMentions(polled.entries, watchlist: watchlist)
        var request = PollSnapshotRequest(
            feedID: feed.id ?? 0, time: now,
            entries: polled.entries.enumerated().map { index, entry in
                PollSnapshotRequest.Entry(
                    key: entry.key, author: entry.author, publishedAt: entry.publishedAt,
                    people: mentions.people(ofEntry: index, in: watchlist), url: entry.url,
                    account: entry.account ?? feed.followedAccount)
            },
            movedURL: polled.next.url != feed.url ? polled.next.url : nil)
        SourceHistory.request(for: polled.next, &request)

        let poll = Poll(polled: polled, mentions: mentions, request: request, watchlist: watchlist, time: now)
        let first = try attempt(poll, reusing: nil)
        if !polled.entries.isEmpty { try Task.checkCancellation() }
        let (summary, committed) = try commit(first, of: poll, gated: false)
        guard !polled.entries.isEmpty else {
            return FeedPollReport(feedURL: feed.url, failed: polled.failed, detail: polled.detail)
        }
        var report = FeedPollReport(feedURL: feed.url, failed: false, detail: polled.detail, entries: polled.entries.count, summary: summary)
        report.attacks = Self.newAttacks(in: committed.plan)
        if let linkSelection {
            let links = linkSelection.links(of: polled, mentions: mentions, statuses: committed.snapshot.statuses, now: now)
            report.linksQueued = try store.queueLinks(links)
        }
        return report
    }

    /// The attack findings a committed plan stored or raised to an attack,
    /// with their items' addresses: where following the attacker starts.
    private static func newAttacks(in plan: PollPlan) -> [FeedPollReport.Attack] {
        plan.findings.compactMap { planned in
            guard planned.record.kind == .attack, planned.isNew || planned.reopens, let id = planned.record.id else { return nil }
            let item: ItemRecord?
            switch planned.item {
            case .planned(let index):
                if case .insert(let record, _) = plan.items[index] { item = record } else { item = nil }
            case .stored(let itemID):
                item = plan.items.lazy.compactMap { step -> ItemRecord? in
                    if case .update(let record) = step, record.id == itemID { return record }
                    return nil
                }.first
            }
            return FeedPollReport.Attack(findingID: id, itemURL: item?.url)
        }
    }

    /// What a poll plans from, again when a plan went stale: the first two
    /// stages' results and the snapshot request made from them.
    private struct Poll {
        var polled: PolledFeed
        var mentions: EntryMentions
        var request: PollSnapshotRequest
        var watchlist: WatchlistSnapshot
        var time: Date
    }

    /// One read, the scores and the plan made from it.
    private struct Attempt {
        var snapshot: PollSnapshot
        var assessments: [EntryAssessment]
        var plan: PollPlan
    }

    /// Reads the snapshot, scores (or keeps `earlier`'s scores when what they
    /// were made from, the statuses and histories, is unchanged) and plans.
    private func attempt(_ poll: Poll, reusing earlier: Attempt?) throws -> Attempt {
        let request = poll.request
        let snapshot = request.entries.isEmpty && request.movedURL == nil ? PollSnapshot() : try store.pollSnapshot(request)
        var current = poll.polled
        if snapshot.movedURLTaken {
            // The feed moved to an address already polled as its own feed.
            current.next.url = poll.polled.feed.url
            current.next.enabled = false
            current.next.disabledReason = "moved permanently to \(poll.polled.next.url), which is already in the feed list"
        }
        let assessments: [EntryAssessment]
        if let earlier, earlier.snapshot.statuses == snapshot.statuses, earlier.snapshot.histories == snapshot.histories {
            assessments = earlier.assessments
        } else {
            assessments = assessment.assess(current, mentions: poll.mentions, snapshot: snapshot, watchlist: poll.watchlist, now: poll.time)
        }
        let plan = try planner.plan(current, assessments: assessments, snapshot: snapshot, time: poll.time, readingLinksFrom: store)
        return Attempt(snapshot: snapshot, assessments: assessments, plan: plan)
    }

    /// Commits `first`'s plan; a plan that stores new findings goes through
    /// the gate. A stale plan is made again from a new snapshot, at most
    /// `maximumAttempts` times in all.
    private func commit(_ first: Attempt, of poll: Poll, gated: Bool, attempts: Int = 1) throws -> (PollSummary, Attempt) {
        var current = first
        var attempts = attempts
        while true {
            if !gated, current.plan.findings.contains(where: \.isNew) {
                let pending = current, made = attempts
                return try gate.withGate { try commit(pending, of: poll, gated: true, attempts: made) }
            }
            do {
                return (try store.commit(current.plan), current)
            } catch is StalePollPlan where attempts < Self.maximumAttempts {
                attempts += 1
                current = try attempt(poll, reusing: current)
            }
        }
    }
}
