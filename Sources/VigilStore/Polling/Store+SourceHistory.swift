import Foundation

extension Store {
    /// The agent scores of a feed's scored items up to `cutoff`, newest first
    /// (by first sight, then by published time), one per item: the raw
    /// material of the source prior. Every new or edited item is scored,
    /// whether or not it mentions anyone; an item stored before items kept
    /// their score counts with its findings' agent score, if it has findings.
    /// The same cutoff gives `vigil findings show` the history the scorer saw.
    public func agentHistory(feedID: Int64, upTo cutoff: HistoryCutoff = .everything, limit: Int = 200) throws -> [HistoryPost] {
        try agentHistory(where: "i.feed_id = ?", value: feedID, upTo: cutoff, limit: limit)
    }

    /// The agent scores of an author's scored items across every feed, as
    /// `agentHistory(feedID:)`: an agent that posts under one name on several
    /// blogs and aggregators keeps its history.
    public func agentHistory(author: String, upTo cutoff: HistoryCutoff = .everything, limit: Int = 200) throws -> [HistoryPost] {
        try agentHistory(where: "i.author = ?", value: author, upTo: cutoff, limit: limit)
    }

    private func agentHistory(
        where condition: String, value: some SQLValueConvertible, upTo cutoff: HistoryCutoff, limit: Int
    ) throws -> [HistoryPost] {
        try reading { session in try Self.agentHistory(where: condition, value: value, upTo: cutoff, limit: limit, in: session) }
    }

    static func agentHistory(
        where condition: String, value: some SQLValueConvertible, upTo cutoff: HistoryCutoff, limit: Int, in session: any SQLSession
    ) throws -> [HistoryPost] {
            try session.rows("""
                SELECT id, published, agent FROM (
                    SELECT i.id, i.first_seen_at AS seen, COALESCE(i.published_at, i.first_seen_at) AS published,
                           COALESCE(i.agent, (SELECT MAX(f.agent) FROM findings f WHERE f.item_id = i.id)) AS agent
                    FROM items i
                    WHERE \(condition) AND i.first_seen_at <= ?
                        AND (i.first_seen_at < ? OR COALESCE(i.published_at, i.first_seen_at) < ?)
                ) AS scored
                WHERE agent IS NOT NULL
                ORDER BY seen DESC, published DESC, id DESC LIMIT ?
                """, [value, cutoff.firstSeen, cutoff.firstSeen, cutoff.published, limit])
                .map { HistoryPost(itemID: try $0.get("id"), published: try $0.get("published"), agent: try $0.get("agent")) }
    }
}
