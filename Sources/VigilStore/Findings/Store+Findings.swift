import Foundation
import GRDB

extension Store {
    /// Findings matching `filter` in its order, with whom and where.
    public func findings(matching filter: FindingFilter) throws -> [FindingListing] {
        try read { db in
            let (conditions, arguments) = try Self.conditions(for: filter, in: db)
            // The page is picked from the findings table alone, then joined:
            // an order no index serves sorts narrow rows, not joined ones.
            let page = """
                SELECT f.id FROM findings f
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY \(filter.order.sql) LIMIT ? OFFSET ?
                """
            let sql = """
                SELECT f.*, p.name AS listing_person, i.title AS listing_title, i.url AS listing_url,
                       i.author AS listing_author, fd.url AS listing_feed_url, fd.title AS listing_feed_title,
                       \(Self.relatedColumns)
                FROM findings f
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                \(Self.relatedJoins)
                WHERE f.id IN (\(page))
                ORDER BY \(filter.order.sql)
                """
            var all = arguments
            all += [filter.limit ?? -1, max(filter.offset ?? 0, 0)]
            let decoder = FindingRowDecoder()
            return try Row.fetchAll(db, sql: sql, arguments: all).map { row in
                Self.listing(row, finding: try decoder.finding(row))
            }
        }
    }

    /// One finding with its person, item and feed, or nil when there is none.
    public func findingDetail(id: Int64) throws -> FindingDetail? {
        try read { db in try Self.fetchDetail(id: id, in: db) }
    }

    /// Marks findings as seen. Every ID must exist; otherwise nothing changes.
    /// Returns how many were new before.
    @discardableResult
    public func acknowledgeFindings(_ ids: [Int64], now: Date = Date()) throws -> Int {
        var seen = Set<Int64>()
        let unique = ids.filter { seen.insert($0).inserted }
        return try write { db in
            try Self.requireFindings(unique, in: db)
            var changed = 0
            for id in unique {
                try db.execute(sql: "UPDATE findings SET state = 'acked', updated_at = ? WHERE id = ? AND state = 'new'", arguments: [now, id])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Stores a user's correction (nil clears it). The label is what
    /// `labelledFindingTexts()` hands to retraining.
    @discardableResult
    public func labelFinding(_ id: Int64, as label: FindingRecord.Label?, now: Date = Date()) throws -> FindingRecord {
        try write { db in
            guard var finding = try FindingRecord.fetchOne(db, key: id) else {
                throw StoreError.badInput("no finding with ID \(id)")
            }
            finding.label = label
            finding.updatedAt = now
            try finding.update(db)
            return finding
        }
    }

    /// Calls `body` with each finding matching `filter` in ID order, reading
    /// row by row so an export of any size runs in constant memory.
    public func forEachExportRow(
        matching filter: FindingFilter, includeText: Bool = false, _ body: (FindingExportRow) throws -> Void
    ) throws {
        try read { db in
            let (conditions, arguments) = try Self.conditions(for: filter, in: db)
            var teamsByPerson: [Int64: [String]] = [:]
            for entry in try Self.fetchPeople(in: SQLiteSession(db: db)) { teamsByPerson[entry.person.id!] = entry.teams }
            var sql = """
                SELECT f.*, p.name AS export_person,
                       i.url AS export_item_url, i.title AS export_item_title, i.author AS export_item_author,
                       i.published_at AS export_item_published_at, i.first_seen_at AS export_item_first_seen_at,
                       \(includeText ? "i.text" : "NULL") AS export_item_text,
                       fd.url AS export_feed_url, fd.title AS export_feed_title, fd.site_url AS export_feed_site_url
                FROM findings f
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY f.id
                """
            var all = arguments
            if let limit = filter.limit {
                sql += " LIMIT ?"
                all += [limit]
            }
            let decoder = FindingRowDecoder()
            let rows = try Row.fetchCursor(db, sql: sql, arguments: all)
            while let row = try rows.next() {
                let finding = try decoder.finding(row)
                try body(FindingExportRow(
                    id: finding.id!, person: row["export_person"], teams: teamsByPerson[finding.personId] ?? [],
                    severity: finding.severity, kind: finding.kind, relatedFindingID: finding.relatedFindingId,
                    closedPullRequest: finding.closedPullRequest,
                    scores: .init(hostility: finding.hostility, agent: finding.agent, attack: finding.attack),
                    evidence: finding.evidence, modelVersion: finding.modelVersion, state: finding.state,
                    label: finding.label, createdAt: finding.createdAt, updatedAt: finding.updatedAt,
                    item: .init(
                        url: row["export_item_url"], title: row["export_item_title"], author: row["export_item_author"],
                        publishedAt: row["export_item_published_at"], firstSeenAt: row["export_item_first_seen_at"],
                        text: row["export_item_text"]),
                    feed: .init(url: row["export_feed_url"], title: row["export_feed_title"], siteURL: row["export_feed_site_url"])))
            }
        }
    }

    /// Texts users labelled, for `vigil train --with-feedback`: one entry per
    /// item and label (an item about two people labelled the same way counts
    /// once), oldest label first. Items whose text is gone are skipped.
    public func labelledFindingTexts() throws -> [LabelledFindingText] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT MIN(f.id) AS finding_id, f.label, i.title, i.text
                FROM findings f JOIN items i ON i.id = f.item_id
                WHERE f.label IS NOT NULL AND i.text IS NOT NULL AND length(i.text) > 0
                GROUP BY f.item_id, f.label
                ORDER BY finding_id
                """)
            return rows.compactMap { row in
                guard let label = FindingRecord.Label(rawValue: row["label"]) else { return nil }
                return LabelledFindingText(findingID: row["finding_id"], title: row["title"], text: row["text"], label: label)
            }
        }
    }

    static func fetchDetail(id: Int64, in db: Database) throws -> FindingDetail? {
        guard let finding = try FindingRecord.fetchOne(db, key: id),
              let person = try PersonRecord.fetchOne(db, key: finding.personId),
              let item = try ItemRecord.fetchOne(db, key: finding.itemId),
              let feed = try FeedRecord.fetchOne(db, key: item.feedId)
        else { return nil }
        return FindingDetail(
            finding: finding, person: person, teams: try teamNames(of: person.id!, in: SQLiteSession(db: db)), item: item, feed: feed,
            related: try finding.relatedFindingId.flatMap { try relatedFinding(id: $0, in: db) })
    }

    /// A listing from a row with the `listing_…` columns and `relatedColumns`.
    static func listing(_ row: Row, finding: FindingRecord) -> FindingListing {
        FindingListing(
            finding: finding, personName: row["listing_person"],
            itemTitle: row["listing_title"], itemURL: row["listing_url"], itemAuthor: row["listing_author"],
            feedURL: row["listing_feed_url"], feedTitle: row["listing_feed_title"], related: related(row))
    }

    /// The columns `related(_:)` reads, from the joins in `relatedJoins`.
    static let relatedColumns = """
        rf.id AS related_id, rf.kind AS related_kind, rf.created_at AS related_created_at,
        ri.title AS related_title, ri.url AS related_url
        """

    /// Joins a listing's finding `f` to the finding it relates to (`rf`) and that finding's item (`ri`).
    static let relatedJoins = """
        LEFT JOIN findings rf ON rf.id = f.related_finding_id
        LEFT JOIN items ri ON ri.id = rf.item_id
        """

    /// The related finding a row read with `relatedColumns` names, if any.
    static func related(_ row: Row) -> RelatedFinding? {
        guard let id: Int64 = row["related_id"], let kindText: String = row["related_kind"],
              let kind = FindingKind(rawValue: kindText), let createdAt: Date = row["related_created_at"]
        else { return nil }
        return RelatedFinding(id: id, kind: kind, title: row["related_title"], url: row["related_url"], createdAt: createdAt)
    }

    static func relatedFinding(id: Int64, in db: Database) throws -> RelatedFinding? {
        let row = try Row.fetchOne(db, sql: """
            SELECT \(relatedColumns) FROM findings rf JOIN items ri ON ri.id = rf.item_id WHERE rf.id = ?
            """, arguments: [id])
        return row.flatMap(related)
    }

    static func requireFindings(_ ids: [Int64], in db: Database) throws {
        for id in ids where try FindingRecord.fetchOne(db, key: id) == nil {
            throw StoreError.badInput("no finding with ID \(id)")
        }
    }

    /// The WHERE conditions (on `f`, the findings table) that a filter means.
    static func conditions(for filter: FindingFilter, in db: Database) throws -> ([String], StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let id = filter.id {
            conditions.append("f.id = ?")
            arguments += [id]
        }
        if let person = filter.person {
            let resolved = try ResolvedScope.resolve(.person(person), in: db)
            if let condition = resolved.personCondition {
                conditions.append("f." + condition.sql)
                arguments += condition.arguments
            }
        }
        if let team = filter.team {
            let resolved = try ResolvedScope.resolve(.team(team), in: db)
            if let condition = resolved.personCondition {
                conditions.append("f." + condition.sql)
                arguments += condition.arguments
            }
        }
        if let teams = filter.visibleTeams {
            if teams.isEmpty {
                conditions.append("0")
            } else {
                conditions.append("""
                    f.person_id IN (SELECT tm.person_id FROM team_members tm JOIN teams t ON t.id = tm.team_id \
                    WHERE t.name IN (\(teams.map { _ in "?" }.joined(separator: ", "))))
                    """)
                arguments += StatementArguments(teams)
            }
        }
        if let minimum = filter.minSeverity {
            let allowed = Severity.allCases.filter { $0 >= minimum }.map(\.rawValue)
            conditions.append("f.severity IN (\(allowed.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(allowed)
        }
        if let severity = filter.severity {
            conditions.append("f.severity = ?")
            arguments += [severity.rawValue]
        }
        if !filter.kinds.isEmpty {
            let kinds = Set(filter.kinds).map(\.rawValue).sorted()
            conditions.append("f.kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(kinds)
        }
        if let state = filter.state {
            conditions.append("f.state = ?")
            arguments += [state.rawValue]
        }
        if let label = filter.label {
            conditions.append("f.label = ?")
            arguments += [label.rawValue]
        }
        if let feedID = filter.feedID {
            conditions.append("f.item_id IN (SELECT id FROM items WHERE feed_id = ?)")
            arguments += [feedID]
        }
        if let since = filter.since {
            conditions.append("f.created_at >= ?")
            arguments += [since]
        }
        if let until = filter.until {
            conditions.append("f.created_at < ?")
            arguments += [until]
        }
        return (conditions, arguments)
    }
}
