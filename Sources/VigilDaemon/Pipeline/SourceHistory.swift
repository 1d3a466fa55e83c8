import Foundation
import VigilScoring
import VigilStore

/// The source prior of a post: what the scored items of its author (or,
/// without enough of those, of its feed) and the feed's own description say
/// about whether an agent writes it. Every new or edited item is scored for
/// agent authorship, so the history is the source's whole output, not only
/// the posts that mention a watched person. The poller scores with it, and
/// `vigil findings show` explains a finding with the same numbers: both read
/// the history up to the post's `HistoryCutoff` (items first seen in earlier
/// polls, and items of the same poll published before it).
public enum SourceHistory {
    /// Scored posts an author needs before their own history is used
    /// instead of the feed's.
    public static let minimumAuthorPosts = 3
    /// The most recent posts a prior weighs.
    public static let maximumPosts = 200

    /// The prior for a post by `author` in `feed`, from the history up to
    /// `cutoff`, read from `store`; for `vigil findings show`, which explains
    /// a stored finding with the numbers its poll used.
    public static func prior(for feed: FeedRecord, author: String?, store: Store, upTo cutoff: HistoryCutoff = .everything) throws -> SourcePrior? {
        try lookup(for: feed, author: author, store: store, upTo: cutoff)?.prior
    }

    /// `lookup(for:author:stored:poll:)` over the history `store` holds now.
    public static func lookup(
        for feed: FeedRecord, author: String?, store: Store, upTo cutoff: HistoryCutoff = .everything
    ) throws -> (prior: SourcePrior, author: String?)? {
        var authorPosts: [HistoryPost] = []
        if let author, !author.isEmpty {
            authorPosts = try store.agentHistory(author: author, upTo: cutoff, limit: maximumPosts)
        }
        var feedPosts: [HistoryPost]?
        if authorPosts.count < minimumAuthorPosts, feed.kind == .feed, let id = feed.id {
            feedPosts = try store.agentHistory(feedID: id, upTo: cutoff, limit: maximumPosts)
        }
        return lookup(for: feed, author: author, stored: StoredHistory(cutoff: cutoff, authorPosts: authorPosts, feedPosts: feedPosts))
    }

    /// The prior for a post by `author` in `feed` and whose history it came
    /// from (the author's name when their own history was used, nil when it
    /// was the feed's): `stored` is the history the store held up to the
    /// post's cutoff, and `poll` the scores of the poll being stored, when
    /// the post belongs to one. Search results mix many sources, so without
    /// an author they have none.
    public static func lookup(
        for feed: FeedRecord, author: String?, stored: StoredHistory, poll: PollScores = .none
    ) -> (prior: SourcePrior, author: String?)? {
        let about = [feed.title, feed.description].compactMap { $0 }.joined(separator: " ")
        let declared = feed.kind == .feed && SourcePrior.declaresAgent(about)
        if let author, !author.isEmpty {
            let history = poll.merged(with: stored.authorPosts, upTo: stored.cutoff, author: author, limit: maximumPosts)
            if history.count >= minimumAuthorPosts {
                return (SourcePrior(history: history, selfDeclaredAgent: declared), author)
            }
        }
        guard feed.kind == .feed, feed.id != nil else { return nil }
        let history = poll.merged(with: stored.feedPosts ?? [], upTo: stored.cutoff, author: nil, limit: maximumPosts)
        return (SourcePrior(history: history, selfDeclaredAgent: declared), nil)
    }

    /// The snapshot request's history settings for `feed`.
    static func request(for feed: FeedRecord, _ request: inout PollSnapshotRequest) {
        request.historyLimit = maximumPosts
        request.minimumAuthorPosts = minimumAuthorPosts
        request.readsFeedHistory = feed.kind == .feed && feed.id != nil
    }

    /// One paragraph on how the prior moved a post's agent score; `byAuthor`
    /// says whose history it was. `textAgent`, the post's own score before the
    /// prior, is shown when the prior turns it into `agentAfter` (it does not
    /// once the post was edited after the finding's worst version).
    public static func explanation(
        _ prior: SourcePrior, agentAfter: Double, textAgent: Double? = nil, byAuthor author: String? = nil
    ) -> String {
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
        let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        let change: String
        if effect != "left", let textAgent, abs(prior.adjust(textAgent) - agentAfter) < 0.005 {
            change = "from \(percent(textAgent)) for its text alone to \(percent(agentAfter))"
        } else {
            change = "now \(percent(agentAfter))"
        }
        return parts.joined(separator: "; ") + ". Source prior \(likelihood)%: it \(effect) this post's agent score (\(change))."
    }
}
