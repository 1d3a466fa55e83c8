import Foundation
import VigilAlerts
import VigilStore

/// The Plan stage: decides, without touching the database, everything a
/// feed poll writes. It merges the assessments into what the snapshot says
/// is stored, links coverage to attacks, and asks the router which alerts
/// the new and escalated findings queue.
///
/// The merge policy:
/// - the first entry of a key counts, and content stored once (by any feed,
///   or earlier in the poll) is remembered as a duplicate, not scored again;
/// - a finding keeps its worst assessment and that assessment's evidence: a
///   post edited into something milder after the fact is still the attack
///   that was published, and its item keeps the text the evidence points into;
/// - an edit that makes a finding more severe reopens it and alerts again.
public struct PollPlanner: Sendable {
    public let router: AlertRouter
    public let linking: CoverageLinking

    public init(router: AlertRouter, linking: CoverageLinking = CoverageLinking()) {
        self.router = router
        self.linking = linking
    }

    /// `related` holds the stored findings the poll's attacks and coverage
    /// may link to (`linkingWindow(for:snapshot:time:)`).
    public func plan(
        _ polled: PolledFeed, assessments: [EntryAssessment], snapshot: PollSnapshot, related: [LinkableFinding] = [], time: Date
    ) -> PollPlan {
        var draft = Draft(
            plan: PollPlan(feed: polled.next, time: time, firstNewFindingID: snapshot.nextFindingID),
            nextFindingID: snapshot.nextFindingID, related: RelatedFindingsTable(related))
        var keysInThisPoll = Set<String>()
        var contentInThisPoll = Set<String>()
        let feedID = polled.next.id ?? polled.feed.id ?? 0
        for (index, entry) in polled.entries.enumerated() {
            guard keysInThisPoll.insert(entry.key.dedupeKey).inserted else { continue }
            var status = snapshot.statuses[index]
            var assessment = assessments[index]
            if case .new = status, contentInThisPoll.contains(entry.key.contentHash) {
                status = .duplicateContent
                assessment = .none
            }
            contentInThisPoll.insert(entry.key.contentHash)
            switch status {
            case .unchanged(let itemID):
                draft.plan.items.append(.seen(itemID: itemID))
            case .duplicateContent:
                let record = Self.newItem(entry, feedID: feedID, text: nil, agent: nil, time: time)
                draft.plan.items.append(.insert(record, requiresUnseenContent: false))
            case .new:
                let record = Self.newItem(
                    entry, feedID: feedID, text: assessment.findings.isEmpty ? nil : entry.text, agent: assessment.agent, time: time)
                draft.plan.items.append(.insert(record, requiresUnseenContent: true))
                store(assessment.findings, item: .planned(draft.plan.items.count - 1), record: record, existing: [], snapshot: snapshot, into: &draft)
            case .edited(let itemID):
                guard var record = snapshot.editedItems[itemID] else { continue }
                record.url = entry.url
                record.title = entry.title
                record.author = entry.author
                record.publishedAt = entry.publishedAt
                record.contentHash = entry.key.contentHash
                record.lastSeenAt = time
                // The score follows the text as it is now, even when the
                // findings keep an earlier, worse version's assessment.
                record.agent = assessment.agent
                let existing = snapshot.findings[itemID] ?? []
                let lowers = existing.contains { finding in
                    guard let draft = assessment.findings.first(where: { $0.personID == finding.personId }) else { return true }
                    return Self.lowers(draft, finding)
                }
                if !lowers {
                    record.text = assessment.findings.isEmpty && existing.isEmpty ? nil : entry.text
                }
                draft.plan.items.append(.update(record))
                store(assessment.findings, item: .stored(itemID), record: record, existing: existing, snapshot: snapshot, into: &draft)
            }
        }
        draft.plan.relations = draft.related.writes
        if !draft.alerting.isEmpty {
            draft.plan.alerts = router.alerts(for: draft.alerting)
        }
        return draft.plan
    }

    /// Whose stored findings, and created when, the poll's linking may read:
    /// the people of its attack and coverage drafts, within the linking
    /// window of the poll's time or of the creation of an edited entry's
    /// finding about them. Nil when there are none, so that the store is
    /// not asked.
    public func linkingWindow(
        for assessments: [EntryAssessment], snapshot: PollSnapshot, time: Date
    ) -> (people: [Int64], from: Date, through: Date)? {
        let people = Set(assessments.flatMap(\.findings).filter { $0.kind != .mention }.map(\.personID))
        guard !people.isEmpty else { return nil }
        var earliest = time
        for findings in snapshot.findings.values {
            for finding in findings where people.contains(finding.personId) { earliest = min(earliest, finding.createdAt) }
        }
        return (people.sorted(), earliest.addingTimeInterval(-linking.window), time.addingTimeInterval(linking.window))
    }

    /// The plan as it grows, with what it needs to number and link findings.
    private struct Draft {
        var plan: PollPlan
        var nextFindingID: Int64
        var related: RelatedFindingsTable
        /// New and escalated findings, in the order stored, for the router.
        var alerting: [StoredFinding] = []
    }

    /// The row of an entry seen for the first time; only an entry with
    /// findings keeps its text, and only a scored one its agent score.
    private static func newItem(_ entry: PreparedEntry, feedID: Int64, text: String?, agent: Double?, time: Date) -> ItemRecord {
        ItemRecord(
            feedId: feedID, dedupeKey: entry.key.dedupeKey, url: entry.url, title: entry.title, author: entry.author,
            publishedAt: entry.publishedAt, text: text, contentHash: entry.key.contentHash, firstSeenAt: time,
            lastSeenAt: time, agent: agent)
    }

    /// Whether `draft` would lower `finding`: a lower severity, or the same with a lower attack score.
    private static func lowers(_ draft: FindingDraft, _ finding: FindingRecord) -> Bool {
        draft.severity < finding.severity || (draft.severity == finding.severity && draft.attack < finding.attack)
    }

    private func store(
        _ drafts: [FindingDraft], item: PlannedFinding.Item, record: ItemRecord, existing: [FindingRecord],
        snapshot: PollSnapshot, into draft: inout Draft
    ) {
        for finding in drafts {
            guard let person = snapshot.people[finding.personID] else { continue }
            var previousSeverity: Severity?
            var stored: FindingRecord
            if var current = existing.first(where: { $0.personId == finding.personID }) {
                previousSeverity = current.severity
                if Self.lowers(finding, current) { continue }
                // An edit that makes an attack worse needs a fresh look.
                let reopens = finding.severity > current.severity
                current.hostility = finding.hostility
                current.agent = finding.agent
                current.attack = finding.attack
                current.severity = finding.severity
                current.kind = finding.kind
                current.evidence = finding.evidence
                current.closedPullRequest = finding.closedPullRequest ?? current.closedPullRequest
                current.modelVersion = finding.modelVersion
                current.updatedAt = draft.plan.time
                if reopens { current.state = .new }
                draft.plan.findings.append(PlannedFinding(item: item, record: current, isNew: false, reopens: reopens))
                stored = current
            } else {
                let itemID: Int64
                if case .stored(let id) = item { itemID = id } else { itemID = 0 }
                stored = FindingRecord(
                    id: draft.nextFindingID, itemId: itemID, personId: finding.personID, hostility: finding.hostility,
                    agent: finding.agent, attack: finding.attack, severity: finding.severity, kind: finding.kind,
                    closedPullRequest: finding.closedPullRequest, evidence: finding.evidence, modelVersion: finding.modelVersion,
                    createdAt: draft.plan.time, updatedAt: draft.plan.time)
                draft.nextFindingID += 1
                draft.plan.findings.append(PlannedFinding(item: item, record: stored, isNew: true))
            }
            let id = stored.id ?? 0
            let linkable = LinkableFinding(
                id: id, personID: stored.personId, kind: stored.kind, createdAt: stored.createdAt,
                relatedFindingID: draft.related.relatedFindingID(of: id, fallback: stored.relatedFindingId),
                itemURL: record.url, itemText: record.text, evidence: stored.evidence)
            draft.related.store(linkable)
            linking.relate(linkable, in: &draft.related)
            if let previousSeverity, finding.severity <= previousSeverity { continue }
            // The alert describes the finding as stored, link included.
            stored.relatedFindingId = draft.related.relatedFindingID(of: id, fallback: nil)
            draft.alerting.append(StoredFinding(
                finding: stored, person: person.person, teams: person.teams, item: record,
                feed: draft.plan.feed, previousSeverity: previousSeverity))
        }
    }
}
