import Foundation
import GRDB

extension Store {
    /// The agent scores of a feed's recent scored items, newest first, one per
    /// item: the raw material of the source prior.
    /// Items first seen at or after `before` are left out, so a finding can be
    /// explained with the history its scoring saw.
    public func agentHistory(feedID: Int64, before: Date = .distantFuture, limit: Int = 200) throws -> [(published: Date, agent: Double)] {
        try agentHistory(where: "i.feed_id = ?", value: feedID, before: before, limit: limit)
    }

    /// The agent scores of an author's recent scored items across every
    /// feed, newest first, one per item: an agent that posts under one name
    /// on several blogs and aggregators keeps its history.
    public func agentHistory(author: String, before: Date = .distantFuture, limit: Int = 200) throws -> [(published: Date, agent: Double)] {
        try agentHistory(where: "i.author = ?", value: author, before: before, limit: limit)
    }

    private func agentHistory(
        where condition: String, value: some DatabaseValueConvertible, before: Date, limit: Int
    ) throws -> [(published: Date, agent: Double)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT COALESCE(i.published_at, i.first_seen_at) AS published, MAX(f.agent) AS agent
                FROM items i JOIN findings f ON f.item_id = i.id
                WHERE \(condition) AND i.first_seen_at < ?
                GROUP BY i.id ORDER BY i.first_seen_at DESC LIMIT ?
                """, arguments: [value, before, limit])
                .map { (published: $0["published"], agent: $0["agent"]) }
        }
    }
}
