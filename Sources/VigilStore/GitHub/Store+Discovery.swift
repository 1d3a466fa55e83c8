import Foundation
import GRDB

extension Store {
    /// The feed row that holds the items of a source other than a feed (a
    /// repository's comments, one site's followed pages), made on first use.
    /// Such rows are never fetched as feeds and `feeds ls` does not list them.
    public func sourceFeed(
        _ source: FeedRecord.Source, url: String, title: String?, siteURL: String?, now: Date = Date()
    ) throws -> FeedRecord {
        try write { db in
            if let existing = try FeedRecord.filter(Column("url") == url).fetchOne(db) {
                guard existing.source == source else {
                    throw StoreError("\(url) is already a feed of another kind", isBadInput: false)
                }
                return existing
            }
            var record = FeedRecord(url: url, title: title, siteUrl: siteURL, nextPollAt: now, createdAt: now)
            record.source = source
            try record.insert(db)
            return record
        }
    }

    /// Subscribes a feed vigil found by following an attacker's trail,
    /// tagged `followed` and saying why. Returns nil, changing nothing, when
    /// the feed is already in the list (under any source).
    public func subscribeFollowedFeed(
        url: String, title: String?, siteURL: String?, reason: String, findingID: Int64?, account: String?,
        intervalSeconds: Int, now: Date = Date()
    ) throws -> FeedRecord? {
        try write { db in
            guard try FeedRecord.filter(Column("url") == url).fetchCount(db) == 0 else { return nil }
            var record = FeedRecord(
                url: url, title: title, siteUrl: siteURL, tags: ["followed"], intervalSeconds: intervalSeconds, nextPollAt: now,
                createdAt: now)
            record.addedReason = reason
            record.followedFindingId = findingID
            record.followedAccount = account
            try record.insert(db)
            return record
        }
    }

    /// Queues links to follow, each URL once ever: a URL queued before, or
    /// already stored as an item, is skipped. Returns how many were queued.
    @discardableResult
    public func queueLinks(_ links: [FollowedLinkRecord]) throws -> Int {
        guard !links.isEmpty else { return 0 }
        return try write { db in
            let stored = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM items WHERE url = ?)")
            var queued = 0
            for var link in links {
                guard try Bool.fetchOne(stored, arguments: [link.url]) == false else { continue }
                try link.insert(db, onConflict: .ignore)
                queued += db.changesCount
            }
            return queued
        }
    }

    /// Pending links, oldest first, at most `limit` and `perHost` of one host.
    public func pendingLinks(limit: Int, perHost: Int) throws -> [FollowedLinkRecord] {
        try read { db in
            var taken: [String: Int] = [:]
            var links: [FollowedLinkRecord] = []
            let cursor = try FollowedLinkRecord.filter(Column("state") == FollowedLinkRecord.State.pending.rawValue)
                .order(Column("queued_at"), Column("id")).fetchCursor(db)
            while links.count < limit, let link = try cursor.next() {
                let host = link.host.lowercased()
                guard taken[host, default: 0] < perHost else { continue }
                taken[host, default: 0] += 1
                links.append(link)
            }
            return links
        }
    }

    /// Records how following a link ended.
    public func finishLink(id: Int64, state: FollowedLinkRecord.State, detail: String?, at time: Date) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE followed_links SET state = ?, detail = ?, fetched_at = ? WHERE id = ?",
                arguments: [state.rawValue, detail, time, id])
        }
    }

    /// Followed links, newest first (for `status` and tests).
    public func followedLinks(limit: Int = 1000) throws -> [FollowedLinkRecord] {
        try read { db in try FollowedLinkRecord.order(Column("queued_at").desc, Column("id").desc).limit(limit).fetchAll(db) }
    }

    /// The first attack finding of the item at `itemURL`, if it has one.
    public func attackFindingID(itemURL: String) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT f.id FROM findings f JOIN items i ON i.id = f.item_id
                WHERE i.url = ? AND f.kind = 'attack' ORDER BY f.id LIMIT 1
                """, arguments: [itemURL])
        }
    }
}
