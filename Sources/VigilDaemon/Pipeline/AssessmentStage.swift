import Foundation
import VigilScoring
import VigilStore

/// The Assessment stage: scores a poll's new and edited entries. Every one
/// gets its text-only agent score first (the agent model is cheap, and the
/// source prior of this poll's mentions counts this poll's earlier posts);
/// then the entries that mention someone are scored in full, with the prior
/// from their stored history and this poll's scores, into finding drafts.
public struct AssessmentStage: Sendable {
    public let scoring: ScoringStep

    public init(scoring: ScoringStep) {
        self.scoring = scoring
    }

    /// One assessment per entry, in entry order.
    public func assess(
        _ polled: PolledFeed, mentions: EntryMentions, snapshot: PollSnapshot, watchlist: WatchlistSnapshot, now: Date
    ) -> [EntryAssessment] {
        let entries = polled.entries
        let workspace = scoring.scorer.makeWorkspace()
        var scores = PollScores(time: now)
        var assessments = [EntryAssessment](repeating: .none, count: entries.count)
        var keysInThisPoll = Set<String>()
        var contentInThisPoll = Set<String>()
        var mentioning: [Int] = []
        for (index, entry) in entries.enumerated() {
            // The plan stores the first entry of a key and new content once;
            // the rest is not scored, and this poll's scores hold what the
            // store will.
            guard keysInThisPoll.insert(entry.key.dedupeKey).inserted else { continue }
            let repeated = !contentInThisPoll.insert(entry.key.contentHash).inserted
            let status = snapshot.statuses[index]
            switch status {
            case .new where repeated, .unchanged, .duplicateContent:
                continue
            case .new, .edited:
                let agent = scoring.agent(of: entry.text, workspace: workspace)
                assessments[index].agent = agent
                if case .edited(let itemID) = status {
                    scores.edited[itemID] = agent
                } else {
                    scores.new.append(PollScores.Entry(author: entry.author, published: entry.publishedAt ?? now, agent: agent))
                }
                if !mentions.mentions[index].isEmpty { mentioning.append(index) }
            }
        }
        scores.orderNew()
        for index in mentioning {
            let entry = entries[index]
            let prior = snapshot.histories[index].flatMap {
                SourceHistory.lookup(for: polled.next, author: entry.author, stored: $0, poll: scores)?.prior
            }
            var findings = scoring.findings(
                for: entry.text, mentions: mentions.mentions[index], watchlist: watchlist, prior: prior, workspace: workspace)
            if let pull = snapshot.trails[index] {
                // An attack by the account whose pull request the person
                // closed is retaliation: one step more urgent.
                for position in findings.indices {
                    findings[position].closedPullRequest = pull
                    if findings[position].kind == .attack { findings[position].severity = findings[position].severity.raised }
                }
            }
            assessments[index].findings = findings
        }
        return assessments
    }
}
