import Foundation

extension Store {
    /// Findings matching `filter` in its order, with whom and where.
    public func findings(matching filter: FindingFilter) throws -> [FindingListing] {
        try reading { session in
            let (conditions, arguments) = try Self.conditions(for: filter, in: session)
            // A negative limit means none, as SQLite reads it; PostgreSQL says so in words.
            let limit = filter.limit.flatMap { $0 >= 0 ? $0 : nil }
            let limitClause = limit != nil ? "LIMIT ?" : session.kind == .postgreSQL ? "LIMIT ALL" : "LIMIT -1"
            // The page is picked from the findings table alone, then joined:
            // an order no index serves sorts narrow rows, not joined ones.
            let page = """
                SELECT f.id FROM findings f
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY \(filter.order.sql) \(limitClause) OFFSET ?
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
            if let limit { all.append(limit) }
            all.append(max(filter.offset ?? 0, 0))
            let decoder = FindingRowDecoder()
            return try session.rows(sql, all).map { row in
                try Self.listing(row, finding: try decoder.finding(row))
            }
        }
    }

    /// One finding with its person, item and feed, or nil when there is none.
    public func findingDetail(id: Int64) throws -> FindingDetail? {
        try reading { session in try Self.fetchDetail(id: id, in: session) }
    }

    /// Marks findings as seen. Every ID must exist; otherwise nothing changes.
    /// Returns how many were new before.
    @discardableResult
    public func acknowledgeFindings(_ ids: [Int64], now: Date = Date()) throws -> Int {
        var seen = Set<Int64>()
        let unique = ids.filter { seen.insert($0).inserted }
        return try writing { session in
            try Self.requireFindings(unique, in: session)
            var changed = 0
            for id in unique {
                changed += try session.execute(
                    "UPDATE findings SET state = 'acked', updated_at = ? WHERE id = ? AND state = 'new'", [now, id])
            }
            return changed
        }
    }

    /// Stores a user's correction (nil clears it). The label is what
    /// `labelledFindingTexts()` hands to retraining.
    @discardableResult
    public func labelFinding(_ id: Int64, as label: FindingRecord.Label?, now: Date = Date()) throws -> FindingRecord {
        try writing { session in
            guard var finding = try session.fetchOne(FindingRecord.self, id: id) else {
                throw StoreError.badInput("no finding with ID \(id)")
            }
            finding.label = label
            finding.updatedAt = now
            try session.update(finding)
            return finding
        }
    }

    /// Calls `body` with each finding matching `filter` in ID order. The
    /// rows are read a page at a time, each page after the last ID of the
    /// one before, all in one transaction: an export of any size runs in
    /// constant memory on either database.
    public func forEachExportRow(
        matching filter: FindingFilter, includeText: Bool = false, _ body: (FindingExportRow) throws -> Void
    ) throws {
        try reading { session in
            let (conditions, arguments) = try Self.conditions(for: filter, in: session)
            var teamsByPerson: [Int64: [String]] = [:]
            for entry in try Self.fetchPeople(in: session) { teamsByPerson[entry.person.id!] = entry.teams }
            let sql = """
                SELECT f.*, p.name AS export_person,
                       i.url AS export_item_url, i.title AS export_item_title, i.author AS export_item_author,
                       i.published_at AS export_item_published_at, i.first_seen_at AS export_item_first_seen_at,
                       \(includeText ? "i.text" : "NULL") AS export_item_text,
                       fd.url AS export_feed_url, fd.title AS export_feed_title, fd.site_url AS export_feed_site_url
                FROM findings f
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                WHERE \((conditions + ["f.id > ?"]).joined(separator: " AND "))
                ORDER BY f.id
                LIMIT ?
                """
            var remaining = filter.limit.flatMap { $0 >= 0 ? $0 : nil }
            var after: Int64 = Int64.min
            let decoder = FindingRowDecoder()
            while remaining ?? 1 > 0 {
                let page = min(remaining ?? Self.exportPageSize, Self.exportPageSize)
                let rows = try session.rows(sql, arguments + [after, page])
                for row in rows {
                    let finding = try decoder.finding(row)
                    try body(try Self.exportRow(row, finding: finding, teams: teamsByPerson[finding.personId] ?? []))
                }
                guard rows.count == page, let last = rows.last else { break }
                after = try last.get("id", as: Int64.self)
                remaining = remaining.map { $0 - rows.count }
            }
        }
    }

    /// How many findings an export reads at a time.
    static let exportPageSize = 500

    private static func exportRow(_ row: SQLRow, finding: FindingRecord, teams: [String]) throws -> FindingExportRow {
        FindingExportRow(
            id: finding.id!, person: try row.get("export_person"), teams: teams,
            severity: finding.severity, kind: finding.kind, relatedFindingID: finding.relatedFindingId,
            closedPullRequest: finding.closedPullRequest,
            scores: .init(hostility: finding.hostility, agent: finding.agent, attack: finding.attack),
            evidence: finding.evidence, modelVersion: finding.modelVersion, state: finding.state,
            label: finding.label, createdAt: finding.createdAt, updatedAt: finding.updatedAt,
            item: .init(
                url: try row.get("export_item_url", as: String?.self), title: try row.get("export_item_title", as: String?.self),
                author: try row.get("export_item_author", as: String?.self),
                publishedAt: try row.get("export_item_published_at", as: Date?.self),
                firstSeenAt: try row.get("export_item_first_seen_at"),
                text: try row.get("export_item_text", as: String?.self)),
            feed: .init(
                url: try row.get("export_feed_url"), title: try row.get("export_feed_title", as: String?.self),
                siteURL: try row.get("export_feed_site_url", as: String?.self)))
    }

    /// Texts users labelled, for `vigil train --with-feedback`: one entry per
    /// item and label (an item about two people labelled the same way counts
    /// once), oldest label first. Items whose text is gone are skipped.
    public func labelledFindingTexts() throws -> [LabelledFindingText] {
        try reading { session in
            let rows = try session.rows("""
                SELECT MIN(f.id) AS finding_id, f.label, i.title, i.text
                FROM findings f JOIN items i ON i.id = f.item_id
                WHERE f.label IS NOT NULL AND i.text IS NOT NULL AND length(i.text) > 0
                GROUP BY i.id, f.label
                ORDER BY finding_id
                """, [])
            return try rows.compactMap { row in
                guard let label = FindingRecord.Label(rawValue: try row.get("label", as: String.self)) else { return nil }
                return LabelledFindingText(
                    findingID: try row.get("finding_id"), title: try row.get("title", as: String?.self), text: try row.get("text"),
                    label: label)
            }
        }
    }

    static func fetchDetail(id: Int64, in session: any SQLSession) throws -> FindingDetail? {
        guard let finding = try session.fetchOne(FindingRecord.self, id: id),
              let person = try session.fetchOne(PersonRecord.self, id: finding.personId),
              let item = try session.fetchOne(ItemRecord.self, id: finding.itemId),
              let feed = try session.fetchOne(FeedRecord.self, id: item.feedId)
        else { return nil }
        return FindingDetail(
            finding: finding, person: person, teams: try teamNames(of: person.id!, in: session), item: item, feed: feed,
            related: try finding.relatedFindingId.flatMap { try relatedFinding(id: $0, in: session) })
    }

    /// A listing from a row with the `listing_…` columns and `relatedColumns`.
    static func listing(_ row: SQLRow, finding: FindingRecord) throws -> FindingListing {
        FindingListing(
            finding: finding, personName: try row.get("listing_person"),
            itemTitle: try row.get("listing_title", as: String?.self), itemURL: try row.get("listing_url", as: String?.self),
            itemAuthor: try row.get("listing_author", as: String?.self),
            feedURL: try row.get("listing_feed_url"), feedTitle: try row.get("listing_feed_title", as: String?.self),
            related: try related(row))
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
    static func related(_ row: SQLRow) throws -> RelatedFinding? {
        guard let id = try row.get("related_id", as: Int64?.self), let kindText = try row.get("related_kind", as: String?.self),
              let kind = FindingKind(rawValue: kindText), let createdAt = try row.get("related_created_at", as: Date?.self)
        else { return nil }
        return RelatedFinding(
            id: id, kind: kind, title: try row.get("related_title", as: String?.self),
            url: try row.get("related_url", as: String?.self), createdAt: createdAt)
    }

    static func relatedFinding(id: Int64, in session: any SQLSession) throws -> RelatedFinding? {
        let row = try session.row("""
            SELECT \(relatedColumns) FROM findings rf JOIN items ri ON ri.id = rf.item_id WHERE rf.id = ?
            """, [id])
        return try row.flatMap(related)
    }

    static func requireFindings(_ ids: [Int64], in session: any SQLSession) throws {
        for id in ids where try session.value(Int64.self, "SELECT id FROM findings WHERE id = ?", [id]) == nil {
            throw StoreError.badInput("no finding with ID \(id)")
        }
    }

    /// The WHERE conditions (on `f`, the findings table) that a filter means.
    static func conditions(for filter: FindingFilter, in session: any SQLSession) throws -> ([String], [any SQLValueConvertible]) {
        var conditions: [String] = []
        var arguments: [any SQLValueConvertible] = []
        if let id = filter.id {
            conditions.append("f.id = ?")
            arguments.append(id)
        }
        for scope in [filter.person.map(FindingScope.person), filter.team.map(FindingScope.team)].compactMap({ $0 }) {
            if let condition = try ResolvedScope.resolve(scope, in: session).personCondition {
                conditions.append("f." + condition.sql)
                arguments += condition.arguments
            }
        }
        if let teams = filter.visibleTeams {
            let names = SQLList(teams)
            conditions.append("""
                f.person_id IN (SELECT tm.person_id FROM team_members tm JOIN teams t ON t.id = tm.team_id \
                WHERE \(names.contains("t.name")))
                """)
            arguments += names.values
        }
        if let minimum = filter.minSeverity {
            let allowed = SQLList(Severity.allCases.filter { $0 >= minimum }.map(\.rawValue))
            conditions.append(allowed.contains("f.severity"))
            arguments += allowed.values
        }
        if let severity = filter.severity {
            conditions.append("f.severity = ?")
            arguments.append(severity.rawValue)
        }
        if !filter.kinds.isEmpty {
            let kinds = SQLList(Set(filter.kinds).map(\.rawValue).sorted())
            conditions.append(kinds.contains("f.kind"))
            arguments += kinds.values
        }
        if let state = filter.state {
            conditions.append("f.state = ?")
            arguments.append(state.rawValue)
        }
        if let label = filter.label {
            conditions.append("f.label = ?")
            arguments.append(label.rawValue)
        }
        if let feedID = filter.feedID {
            conditions.append("f.item_id IN (SELECT id FROM items WHERE feed_id = ?)")
            arguments += [feedID]
        }
        if let since = filter.since {
            conditions.append("f.created_at >= ?")
            arguments.append(since)
        }
        if let until = filter.until {
            conditions.append("f.created_at < ?")
            arguments.append(until)
        }
        return (conditions, arguments)
    }
}
