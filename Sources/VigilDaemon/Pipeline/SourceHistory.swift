import Foundation
import VigilScoring
import VigilStore

/// The source prior of a post: what the earlier findings of its author (or,
/// without enough of those, of its feed) and the feed's own description say
/// about whether an agent writes it. The poller scores with it, and
/// `vigil findings show` explains a finding with the same numbers.
public enum SourceHistory {
    /// Scored posts an author needs before their own history is used
    /// instead of the feed's.
    public static let minimumAuthorPosts = 3

    /// The prior for a post by `author` in `feed`, from what was first seen
    /// before `before`. Search results mix many sources, so without an
    /// author they have none.
    public static func prior(for feed: FeedRecord, author: String?, store: Store, before: Date = .distantFuture) throws -> SourcePrior? {
        try lookup(for: feed, author: author, store: store, before: before)?.prior
    }

    /// The prior and whose history it came from: the author's name when
    /// their own history was used, nil when it was the feed's.
    public static func lookup(
        for feed: FeedRecord, author: String?, store: Store, before: Date = .distantFuture
    ) throws -> (prior: SourcePrior, author: String?)? {
        let about = [feed.title, feed.description].compactMap { $0 }.joined(separator: " ")
        let declared = feed.kind == .feed && SourcePrior.declaresAgent(about)
        if let author, !author.isEmpty {
            let history = try store.agentHistory(author: author, before: before)
            if history.count >= minimumAuthorPosts {
                return (SourcePrior(history: history.map { SourcePrior.Post(published: $0.published, agent: $0.agent) }, selfDeclaredAgent: declared), author)
            }
        }
        guard feed.kind == .feed, let id = feed.id else { return nil }
        let history = try store.agentHistory(feedID: id, before: before).map { SourcePrior.Post(published: $0.published, agent: $0.agent) }
        return (SourcePrior(history: history, selfDeclaredAgent: declared), nil)
    }

    /// One paragraph on how the prior moved a post's agent score; `byAuthor`
    /// says whose history it was.
    public static func explanation(_ prior: SourcePrior, agentAfter: Double, byAuthor author: String? = nil) -> String {
        var parts: [String] = []
        let whose = author.map { "by \($0) across feeds" } ?? "from this feed"
        if prior.posts == 0 {
            parts.append("no earlier scored posts \(whose)")
        } else {
            parts.append("\(prior.posts) earlier scored post\(prior.posts == 1 ? "" : "s") \(whose), \(Int((prior.highAgentShare * 100).rounded()))% of them agent-like (≥ \(SourcePrior.highAgentScore))")
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
