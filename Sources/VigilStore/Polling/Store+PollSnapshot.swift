import Foundation

extension Store {
    /// Reads everything one feed poll needs before it scores, in one read
    /// transaction (see `PollSnapshotRequest`).
    ///
    /// An entry is unchanged when the feed holds its key with the same
    /// content, edited when the content differs, a duplicate when any feed
    /// holds its content under another key, and new otherwise.
    public func pollSnapshot(_ request: PollSnapshotRequest) throws -> PollSnapshot {
        try reading { session in
            var snapshot = PollSnapshot()
            // Three reads for the whole feed rather than three per entry: on
            // PostgreSQL each is a round trip to the server.
            var stored: [String: (id: Int64, hash: String, firstSeen: Date)] = [:]
            for chunk in Self.chunks(request.entries.map(\.key.dedupeKey)) {
                let keys = SQLList(chunk)
                for row in try session.rows(
                    "SELECT id, dedupe_key, content_hash, first_seen_at FROM items WHERE feed_id = ? AND \(keys.contains("dedupe_key"))",
                    [request.feedID] + keys.values) {
                    stored[try row.get("dedupe_key")] = (try row.get("id"), try row.get("content_hash"), try row.get("first_seen_at"))
                }
            }
            let unstored = request.entries.filter { stored[$0.key.dedupeKey] == nil }
            var knownContent = Set<String>()
            for chunk in Self.chunks(unstored.map(\.key.contentHash)) {
                let hashes = SQLList(chunk)
                knownContent.formUnion(try session.values(
                    String.self, "SELECT DISTINCT content_hash FROM items WHERE \(hashes.contains("content_hash"))", hashes.values))
            }
            var followedPages = Set<String>()
            for chunk in Self.chunks(unstored.filter { !knownContent.contains($0.key.contentHash) }.compactMap(\.url)) {
                let urls = SQLList(chunk)
                followedPages.formUnion(try session.values(String.self, """
                    SELECT DISTINCT i.url FROM items i JOIN feeds fd ON fd.id = i.feed_id
                    WHERE \(urls.contains("i.url")) AND fd.source = 'page' AND fd.id <> ?
                    """, urls.values + [request.feedID]))
            }
            var firstSeen: [Int64: Date] = [:]
            snapshot.statuses = request.entries.map { entry in
                if let row = stored[entry.key.dedupeKey] {
                    if row.hash == entry.key.contentHash { return .unchanged(itemID: row.id) }
                    firstSeen[row.id] = row.firstSeen
                    return .edited(itemID: row.id)
                }
                let seenElsewhere = knownContent.contains(entry.key.contentHash) || entry.url.map(followedPages.contains) == true
                return seenElsewhere ? .duplicateContent : .new
            }

            // Only new and edited entries are scored: their people, history
            // and the findings coverage may link to are what the poll needs.
            var people = Set<Int64>()
            for (index, entry) in request.entries.enumerated() {
                switch snapshot.statuses[index] {
                case .new, .edited: people.formUnion(entry.people)
                case .unchanged, .duplicateContent: continue
                }
            }
            for status in snapshot.statuses {
                guard case .edited(let itemID) = status else { continue }
                snapshot.editedItems[itemID] = try session.fetchOne(ItemRecord.self, id: itemID)
                snapshot.findings[itemID] = try session.fetch(FindingRecord.self, "SELECT * FROM findings WHERE item_id = ? ORDER BY id", [itemID])
            }

            for (index, entry) in request.entries.enumerated() where !entry.people.isEmpty {
                let seen: Date
                switch snapshot.statuses[index] {
                case .new: seen = request.time
                case .edited(let itemID): seen = firstSeen[itemID] ?? request.time
                case .unchanged, .duplicateContent: continue
                }
                let cutoff = HistoryCutoff(firstSeen: seen, published: entry.publishedAt)
                var authorPosts: [HistoryPost] = []
                if let author = entry.author, !author.isEmpty {
                    authorPosts = try Self.agentHistory(where: "i.author = ?", value: author, upTo: cutoff, limit: request.historyLimit, in: session)
                }
                if let account = entry.account, !account.isEmpty, account != entry.author {
                    // The GitHub account behind a followed page or feed: its
                    // comments are the same author's history.
                    let comments = try Self.agentHistory(
                        where: "i.author = ? AND i.feed_id IN (SELECT id FROM feeds WHERE source = 'github')", value: account,
                        upTo: cutoff, limit: request.historyLimit, in: session)
                    authorPosts = Array((authorPosts + comments).sorted { $0.published > $1.published }.prefix(request.historyLimit))
                }
                var feedPosts: [HistoryPost]?
                if authorPosts.count < request.minimumAuthorPosts, request.readsFeedHistory {
                    feedPosts = try Self.agentHistory(where: "i.feed_id = ?", value: request.feedID, upTo: cutoff, limit: request.historyLimit, in: session)
                }
                snapshot.histories[index] = StoredHistory(cutoff: cutoff, authorPosts: authorPosts, feedPosts: feedPosts)
                if let pull = try Self.closedPullRequest(
                    account: entry.account, host: entry.url.flatMap { URL(string: $0)?.host },
                    before: entry.publishedAt ?? seen, window: request.trailWindow, in: session) {
                    snapshot.trails[index] = pull
                }
            }

            for personID in people.sorted() {
                guard let person = try session.fetchOne(PersonRecord.self, id: personID) else { continue }
                snapshot.people[personID] = PersonEntry(person: person, teams: try Self.teamNames(of: personID, in: session))
            }
            if let moved = request.movedURL {
                snapshot.movedURLTaken = try session.value(
                    Bool.self, "SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ? AND id <> ?)", [moved, request.feedID]) ?? false
            }
            snapshot.nextFindingID = try Self.nextFindingID(in: session)
            return snapshot
        }
    }

    /// `values` in lists short enough for one statement's arguments.
    static func chunks<T>(_ values: [T], size: Int = 500) -> [ArraySlice<T>] {
        stride(from: 0, to: values.count, by: size).map { values[$0..<min($0 + size, values.count)] }
    }

    /// The ID SQLite gives the next finding inserted without one.
    static func nextFindingID(in session: any SQLSession) throws -> Int64 {
        try session.value(Int64.self, "SELECT COALESCE(MAX(id), 0) + 1 FROM findings") ?? 1
    }

    /// Findings about `people` of `kinds` created in `[from, through]`, with
    /// their items' address and text, newest first: what coverage found by a
    /// poll may link to. A separate read, because it is needed only by the
    /// polls whose assessments found an attack or coverage, and it carries
    /// the texts of every such finding about those people.
    public func linkableFindings(
        about people: [Int64], kinds: [FindingKind], createdFrom from: Date, through: Date
    ) throws -> [LinkableFinding] {
        guard !people.isEmpty, !kinds.isEmpty else { return [] }
        return try reading { session in
            try Self.linkableFindings(about: people, kinds: kinds, createdFrom: from, through: through, in: session)
        }
    }

    static func linkableFindings(
        about people: [Int64], kinds: [FindingKind], createdFrom from: Date, through: Date, in session: any SQLSession
    ) throws -> [LinkableFinding] {
        let peopleList = people.map(String.init).joined(separator: ",")
        let kindList = kinds.map { "'\($0.rawValue)'" }.joined(separator: ",")
        let rows = try session.rows("""
            SELECT f.id, f.person_id, f.kind, f.created_at, f.related_finding_id, f.evidence, i.url, i.text
            FROM findings f JOIN items i ON i.id = f.item_id
            WHERE f.person_id IN (\(peopleList)) AND f.kind IN (\(kindList)) AND f.created_at >= ? AND f.created_at <= ?
            ORDER BY f.created_at DESC, f.id DESC
            """, [from, through])
        let decoder = JSONDecoder()
        return try rows.map { row in
            let evidenceText: String = try row.get("evidence")
            let kindText: String = try row.get("kind")
            return LinkableFinding(
                id: try row.get("id"), personID: try row.get("person_id"), kind: FindingKind(rawValue: kindText) ?? .mention,
                createdAt: try row.get("created_at"), relatedFindingID: try row.get("related_finding_id"), itemURL: try row.get("url"),
                itemText: try row.get("text"), evidence: try decoder.decode([Evidence].self, from: Data(evidenceText.utf8)))
        }
    }
}
