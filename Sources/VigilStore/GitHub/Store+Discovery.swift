import Foundation

extension Store {
    /// The feed row that holds the items of a source other than a feed (a
    /// repository's comments, one site's followed pages), made on first use.
    /// Such rows are never fetched as feeds and `feeds ls` does not list them.
    public func sourceFeed(
        _ source: FeedRecord.Source, url: String, title: String?, siteURL: String?, now: Date = Date()
    ) throws -> FeedRecord {
        try writing { session in
            if let existing = try session.fetchOne(FeedRecord.self, "SELECT * FROM feeds WHERE url = ?", [url]) {
                guard existing.source == source else {
                    throw StoreError("\(url) is already a feed of another kind", isBadInput: false)
                }
                return existing
            }
            var record = FeedRecord(url: url, title: title, siteUrl: siteURL, nextPollAt: now, createdAt: now)
            record.source = source
            try session.insert(&record)
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
        try writing { session in
            guard try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ?)", [url]) == false else { return nil }
            var record = FeedRecord(
                url: url, title: title, siteUrl: siteURL, tags: ["followed"], intervalSeconds: intervalSeconds, nextPollAt: now,
                createdAt: now)
            record.addedReason = reason
            record.followedFindingId = findingID
            record.followedAccount = account
            try session.insert(&record)
            return record
        }
    }

    /// Queues links to follow, each URL once ever: a URL queued before, or
    /// already stored as an item, is skipped. Returns how many were queued.
    @discardableResult
    public func queueLinks(_ links: [FollowedLinkRecord]) throws -> Int {
        guard !links.isEmpty else { return 0 }
        return try writing { session in
            var queued = 0
            for var link in links {
                guard try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM items WHERE url = ?)", [link.url]) == false else {
                    continue
                }
                if try session.insert(&link, ignoringConflicts: true) { queued += 1 }
            }
            return queued
        }
    }

    /// Pending links, oldest first, at most `limit` and `perHost` of one
    /// host. On PostgreSQL they are leased to this worker, as feeds are:
    /// another worker asking at the same time gets others.
    public func pendingLinks(limit: Int, perHost: Int, now: Date = Date()) throws -> [FollowedLinkRecord] {
        try writing { session in
            let free = session.kind == .postgreSQL ? " AND (lease_owner IS NULL OR lease_expires_at < ?)" : ""
            let pending = try session.fetch(
                FollowedLinkRecord.self, "SELECT * FROM followed_links WHERE state = 'pending'\(free) ORDER BY queued_at, id",
                session.kind == .postgreSQL ? [now] : [])
            var taken: [String: Int] = [:]
            var links: [FollowedLinkRecord] = []
            for link in pending where links.count < limit {
                let host = link.host.lowercased()
                guard taken[host, default: 0] < perHost else { continue }
                taken[host, default: 0] += 1
                links.append(link)
            }
            guard session.kind == .postgreSQL, !links.isEmpty else { return links }
            // The update waits for a worker claiming the same rows and then
            // skips those it took: each link ends up with one worker.
            let ids = SQLList(links.compactMap(\.id))
            let claimed = Set(try session.values(Int64.self, """
                UPDATE followed_links SET lease_owner = ?, lease_expires_at = ?
                WHERE \(ids.contains("id")) AND state = 'pending' AND (lease_owner IS NULL OR lease_expires_at < ?)
                RETURNING id
                """, [workerID, now.addingTimeInterval(leaseDuration)] + ids.values + [now]))
            return links.filter { claimed.contains($0.id ?? 0) }
        }
    }

    /// Records how following a link ended.
    public func finishLink(id: Int64, state: FollowedLinkRecord.State, detail: String?, at time: Date) throws {
        try writing { session in
            try session.execute(
                "UPDATE followed_links SET state = ?, detail = ?, fetched_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?",
                [state.rawValue, detail, time, id])
        }
    }

    /// Followed links, newest first (for `status` and tests).
    public func followedLinks(limit: Int = 1000) throws -> [FollowedLinkRecord] {
        try reading { session in
            try session.fetch(FollowedLinkRecord.self, "SELECT * FROM followed_links ORDER BY queued_at DESC, id DESC LIMIT ?", [limit])
        }
    }

    /// The first attack finding of the item at `itemURL`, if it has one.
    public func attackFindingID(itemURL: String) throws -> Int64? {
        try reading { session in
            try session.value(Int64.self, """
                SELECT f.id FROM findings f JOIN items i ON i.id = f.item_id
                WHERE i.url = ? AND f.kind = 'attack' ORDER BY f.id LIMIT 1
                """, [itemURL])
        }
    }
}
