import Foundation
import GRDB

extension Store {
    /// Enabled feeds whose next poll time has come (every enabled feed when
    /// `dueOnly` is false), soonest first.
    public func feedsToPoll(now: Date, dueOnly: Bool, limit: Int? = nil) throws -> [FeedRecord] {
        try read { db in
            var request = FeedRecord.filter(Column("enabled") == true)
            if dueOnly { request = request.filter(Column("next_poll_at") <= now) }
            request = request.order(Column("next_poll_at"), Column("id"))
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// Classifies parsed entries against what the feed already stored.
    public func entryStatuses(feedID: Int64, keys: [EntryKey]) throws -> [EntryStatus] {
        try read { db in
            try keys.map { key in
                if let row = try Row.fetchOne(db, sql: "SELECT id, content_hash FROM items WHERE feed_id = ? AND dedupe_key = ?", arguments: [feedID, key.dedupeKey]) {
                    let id: Int64 = row["id"]
                    let hash: String = row["content_hash"]
                    return hash == key.contentHash ? .unchanged(itemID: id) : .edited(itemID: id)
                }
                let seenElsewhere = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM items WHERE content_hash = ?)", arguments: [key.contentHash]) ?? false
                return seenElsewhere ? .duplicateContent : .new
            }
        }
    }

    /// Stores one feed's poll in a single transaction: the feed's new state
    /// and health, its items, their findings, the links `relate` makes for
    /// each finding stored or updated (coverage to the attack it covers), and
    /// the alerts `route` asks for the poll's new and escalated findings. A
    /// crash before the commit leaves the previous state; after it,
    /// everything is there once.
    ///
    /// `route` is asked once, with all of the poll's alerting findings in the
    /// order they were stored, so that it can see a burst (one feed naming a
    /// person a thousand times) and queue one grouped alert for it.
    @discardableResult
    public func commitPoll(
        feed: FeedRecord, items: [ItemIngest], now: Date = Date(),
        route: ([StoredFinding]) throws -> [RoutedAlert],
        relate: (LinkableFinding, RelatedFindings) throws -> Void
    ) throws -> PollSummary {
        try write { db in
            var summary = PollSummary()
            var alerting: [StoredFinding] = []
            try Self.savePollState(of: feed, in: db)
            var seenInThisPoll = Set<String>()
            var contentInThisPoll = Set<String>()
            for var ingest in items {
                guard seenInThisPoll.insert(ingest.key.dedupeKey).inserted else { continue }
                if case .new = ingest.status {
                    // Classified before this transaction: another feed committed
                    // meanwhile may hold the same content, or an earlier entry
                    // of this poll may. Checked again here, where it is final.
                    let seenElsewhere = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM items WHERE content_hash = ?)", arguments: [ingest.key.contentHash]) ?? false
                    if seenElsewhere || contentInThisPoll.contains(ingest.key.contentHash) {
                        ingest.status = .duplicateContent
                        ingest.agent = nil
                        ingest.findings = []
                    }
                }
                contentInThisPoll.insert(ingest.key.contentHash)
                switch ingest.status {
                case .unchanged(let itemID):
                    try db.execute(sql: "UPDATE items SET last_seen_at = ? WHERE id = ?", arguments: [now, itemID])
                    summary.itemsUnchanged += 1
                case .duplicateContent:
                    var record = ItemRecord(
                        feedId: feed.id!, dedupeKey: ingest.key.dedupeKey, url: ingest.url, title: ingest.title,
                        author: ingest.author, publishedAt: ingest.publishedAt, text: nil,
                        contentHash: ingest.key.contentHash, firstSeenAt: now, lastSeenAt: now)
                    try record.insert(db, onConflict: .ignore)
                    summary.itemsUnchanged += 1
                case .new:
                    var record = ItemRecord(
                        feedId: feed.id!, dedupeKey: ingest.key.dedupeKey, url: ingest.url, title: ingest.title,
                        author: ingest.author, publishedAt: ingest.publishedAt,
                        text: ingest.findings.isEmpty ? nil : ingest.text,
                        contentHash: ingest.key.contentHash, firstSeenAt: now, lastSeenAt: now, agent: ingest.agent)
                    try record.insert(db)
                    summary.itemsNew += 1
                    try Self.storeFindings(ingest.findings, item: record, feed: feed, now: now, in: db, summary: &summary, alerting: &alerting, relate: relate)
                case .edited(let itemID):
                    guard var record = try ItemRecord.fetchOne(db, key: itemID) else { continue }
                    record.url = ingest.url
                    record.title = ingest.title
                    record.author = ingest.author
                    record.publishedAt = ingest.publishedAt
                    record.contentHash = ingest.key.contentHash
                    record.lastSeenAt = now
                    // The score follows the text as it is now, even when the
                    // findings keep an earlier, worse version's assessment.
                    record.agent = ingest.agent
                    let existing = try FindingRecord.filter(Column("item_id") == itemID).fetchAll(db)
                    // An edit that would lower a finding (the attacker toning a
                    // post down once noticed) keeps the text the evidence
                    // points into; findings never go down, see storeFindings.
                    let lowers = existing.contains { finding in
                        guard let draft = ingest.findings.first(where: { $0.personID == finding.personId }) else { return true }
                        return draft.severity < finding.severity || (draft.severity == finding.severity && draft.attack < finding.attack)
                    }
                    if !lowers {
                        record.text = ingest.findings.isEmpty && existing.isEmpty ? nil : ingest.text
                    }
                    try record.update(db)
                    summary.itemsEdited += 1
                    try Self.storeFindings(ingest.findings, item: record, feed: feed, now: now, in: db, summary: &summary, alerting: &alerting, relate: relate)
                }
            }
            if !alerting.isEmpty {
                for alert in try route(alerting) {
                    var outbox = OutboxRecord(
                        findingId: alert.findingID, channel: alert.draft.channel, payload: alert.draft.payload,
                        idempotencyKey: alert.draft.idempotencyKey, nextAttemptAt: now, createdAt: now)
                    try outbox.insert(db, onConflict: .ignore)
                    if db.changesCount > 0 { summary.alertsQueued += 1 }
                }
            }
            return summary
        }
    }

    private static func storeFindings(
        _ drafts: [FindingDraft], item: ItemRecord, feed: FeedRecord, now: Date, in db: Database,
        summary: inout PollSummary, alerting: inout [StoredFinding],
        relate: (LinkableFinding, RelatedFindings) throws -> Void
    ) throws {
        for draft in drafts {
            guard let person = try PersonRecord.fetchOne(db, key: draft.personID) else { continue }
            var previousSeverity: Severity?
            var finding: FindingRecord
            if var existing = try FindingRecord.filter(Column("item_id") == item.id! && Column("person_id") == draft.personID).fetchOne(db) {
                previousSeverity = existing.severity
                // A finding keeps its worst assessment and that assessment's
                // evidence: a post edited into something milder after the
                // fact is still the attack that was published.
                if draft.severity < existing.severity || (draft.severity == existing.severity && draft.attack < existing.attack) {
                    continue
                }
                existing.hostility = draft.hostility
                existing.agent = draft.agent
                existing.attack = draft.attack
                existing.severity = draft.severity
                existing.kind = draft.kind
                existing.evidence = draft.evidence
                existing.modelVersion = draft.modelVersion
                existing.updatedAt = now
                // An edit that makes an attack worse needs a fresh look.
                if draft.severity > previousSeverity! { existing.state = .new }
                try existing.update(db)
                finding = existing
                summary.findingsUpdated += 1
            } else {
                finding = FindingRecord(
                    itemId: item.id!, personId: draft.personID, hostility: draft.hostility, agent: draft.agent,
                    attack: draft.attack, severity: draft.severity, kind: draft.kind, evidence: draft.evidence,
                    modelVersion: draft.modelVersion, createdAt: now, updatedAt: now)
                try finding.insert(db)
                summary.findingsNew += 1
            }
            try relate(
                LinkableFinding(
                    id: finding.id!, personID: finding.personId, kind: finding.kind, createdAt: finding.createdAt,
                    relatedFindingID: finding.relatedFindingId, itemURL: item.url, itemText: item.text,
                    evidence: finding.evidence),
                RelatedFindings(db))
            if let previousSeverity, draft.severity <= previousSeverity { continue }
            // The alert describes the finding as stored, link included.
            finding.relatedFindingId = try Int64.fetchOne(db, sql: "SELECT related_finding_id FROM findings WHERE id = ?", arguments: [finding.id!])
            alerting.append(StoredFinding(
                finding: finding, person: person, teams: try teamNames(of: person.id!, in: db), item: item,
                feed: feed, previousSeverity: previousSeverity))
        }
    }

    /// Forgets items that mention nobody once they have not been seen for the
    /// retention period. Items with findings are kept.
    @discardableResult
    public func pruneItems(notSeenSince cutoff: Date) throws -> Int {
        try write { db in
            try db.execute(sql: """
                DELETE FROM items WHERE text IS NULL AND last_seen_at < ?
                AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.item_id = items.id)
                """, arguments: [cutoff])
            return db.changesCount
        }
    }

    /// Stores a feed's state after a poll that brought no entries (a 304, a
    /// failure): health, validators, schedule, as `savePollState` says.
    public func updateFeed(_ feed: FeedRecord) throws {
        try write { db in try Self.savePollState(of: feed, in: db) }
    }

    /// Writes the columns a poll changes: address (a confirmed permanent
    /// redirect), title and site when first learned, the feed's description
    /// (which the source prior reads for a self-declared agent, in the poll
    /// and again in `vigil findings show`), validators, schedule, health and
    /// the disabled state. What the user or the config owns (kind,
    /// tags, interval, search terms) is left as it is in the row, so an edit
    /// made while the feed was in flight is not undone by the poll's copy.
    ///
    /// One prepared statement instead of the record's full encoding: a cycle
    /// writes this for every feed, most of them answering 304.
    static func savePollState(of feed: FeedRecord, in db: Database) throws {
        guard let id = feed.id else {
            throw StoreError("cannot store the poll of a feed that has no row: \(feed.url)", isBadInput: false)
        }
        let statement = try db.cachedStatement(sql: """
            UPDATE feeds SET url = ?, title = ?, site_url = ?, description = ?, etag = ?, last_modified = ?, next_poll_at = ?,
                consecutive_failures = ?, last_polled_at = ?, last_success_at = ?, last_status = ?, last_error = ?,
                last_bytes = ?, last_duration_ms = ?, redirect_candidate = ?, redirect_seen_count = ?, enabled = ?,
                disabled_reason = ?
            WHERE id = ?
            """)
        try statement.execute(arguments: [
            feed.url, feed.title, feed.siteUrl, feed.description, feed.etag, feed.lastModified, feed.nextPollAt,
            feed.consecutiveFailures, feed.lastPolledAt, feed.lastSuccessAt, feed.lastStatus, feed.lastError,
            feed.lastBytes, feed.lastDurationMs, feed.redirectCandidate, feed.redirectSeenCount, feed.enabled,
            feed.disabledReason, id,
        ])
        guard db.changesCount > 0 else {
            throw StoreError("feed \(feed.url) is no longer in the database", isBadInput: false)
        }
    }

    /// Starts a cycle record and returns it with its ID.
    public func startCycle(at date: Date) throws -> CycleRecord {
        try write { db in
            var cycle = CycleRecord(startedAt: date)
            try cycle.insert(db)
            return cycle
        }
    }

    public func finishCycle(_ cycle: CycleRecord) throws {
        try write { db in try cycle.update(db) }
    }

    /// The most recent finished cycle.
    public func lastCycle() throws -> CycleRecord? {
        try read { db in
            try CycleRecord.filter(Column("finished_at") != nil).order(Column("started_at").desc).fetchOne(db)
        }
    }
}
