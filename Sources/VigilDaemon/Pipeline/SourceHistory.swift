import Foundation
import VigilScoring
import VigilStore

/// The source prior of a feed: what its earlier findings and its own
/// description say about whether an agent writes it. The poller scores with
/// it, and `vigil findings show` explains a finding with the same numbers.
public enum SourceHistory {
    /// The prior for items of `feed` first seen before `before`. Search
    /// templates gather many authors, so they have none.
    public static func prior(for feed: FeedRecord, store: Store, before: Date = .distantFuture) throws -> SourcePrior? {
        guard feed.kind == .feed, let id = feed.id else { return nil }
        let about = [feed.title, feed.description].compactMap { $0 }.joined(separator: " ")
        let history = try store.agentHistory(feedID: id, before: before).map { SourcePrior.Post(published: $0.published, agent: $0.agent) }
        return SourcePrior(history: history, selfDeclaredAgent: SourcePrior.declaresAgent(about))
    }

    /// One paragraph on how the prior moved a post's agent score.
    public static func explanation(_ prior: SourcePrior, agentAfter: Double) -> String {
        var parts: [String] = []
        if prior.posts == 0 {
            parts.append("no earlier scored posts from this feed")
        } else {
            parts.append("\(prior.posts) earlier scored post\(prior.posts == 1 ? "" : "s") from this feed, \(Int((prior.highAgentShare * 100).rounded()))% of them agent-like (≥ \(SourcePrior.highAgentScore))")
            if let hours = prior.medianHoursBetweenPosts {
                parts.append(String(format: "a median of %.1f h between posts", hours))
            }
        }
        if prior.selfDeclaredAgent { parts.append("the feed describes itself as run by an AI agent") }
        let likelihood = Int((prior.agentLikelihood * 100).rounded())
        let effect: String
        switch prior.agentLikelihood {
        case ..<0.45: effect = "lowered"
        case 0.55...: effect = "raised"
        default: effect = "left"
        }
        return parts.joined(separator: "; ") + ". Source prior \(likelihood)%: it \(effect) this post's agent score (now \(Int((agentAfter * 100).rounded()))%)."
    }
}
