import Foundation
import GRDB
import VigilAssessment

/// The aggregates a digest is built from. Periods are half-open, `[start, end)`,
/// on the time vigil created the finding (feeds' own dates are too often
/// missing or wrong to count on).
extension Store {
    /// The scope with names as stored (`.person("ada lovelace")` becomes
    /// `.person("Ada Lovelace")`), or an input error naming what is unknown.
    public func resolve(_ scope: FindingScope) throws -> FindingScope {
        try read { db in try ResolvedScope.resolve(scope, in: db).scope }
    }

    /// The people a scope covers, with their teams, ordered by name.
    public func people(in scope: FindingScope) throws -> [PersonEntry] {
        try read { db in try ResolvedScope.resolve(scope, in: db).people(in: db) }
    }

    /// Counts per person (by person ID) for findings created in `[start, end)`.
    /// People without findings are absent.
    public func findingCountsByPerson(
        in scope: FindingScope, from start: Date, to end: Date, agentThreshold: Double
    ) throws -> [Int64: FindingCounts] {
        try read { db in
            let resolved = try ResolvedScope.resolve(scope, in: db)
            var arguments: StatementArguments = [agentThreshold, agentThreshold, start, end]
            var sql = """
                SELECT person_id, COUNT(*) AS mentions,
                       SUM(severity = 'low') AS low, SUM(severity = 'medium') AS medium, SUM(severity = 'high') AS high,
                       SUM(agent >= ?) AS agent_like, SUM(agent >= ? AND severity <> 'none') AS agent_like_hostile,
                       SUM(kind = 'attack') AS attacks, SUM(kind = 'coverage') AS coverage
                FROM findings WHERE created_at >= ? AND created_at < ?
                """
            if let condition = resolved.personCondition {
                sql += " AND " + condition.sql
                arguments += condition.arguments
            }
            sql += " GROUP BY person_id"
            var result: [Int64: FindingCounts] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                result[row["person_id"]] = FindingCounts(
                    mentions: row["mentions"], low: row["low"], medium: row["medium"], high: row["high"],
                    agentLike: row["agent_like"], agentLikeHostile: row["agent_like_hostile"],
                    attacks: row["attacks"], coverage: row["coverage"])
            }
            return result
        }
    }

    /// Mentions and hostile findings per person in each period between
    /// consecutive `boundaries` (ascending): `boundaries.count - 1` entries
    /// per person, oldest first. People without findings are absent.
    public func findingHistoryByPerson(in scope: FindingScope, boundaries: [Date]) throws -> [Int64: [HistoryCount]] {
        guard boundaries.count >= 2, let first = boundaries.first, let last = boundaries.last else { return [:] }
        return try read { db in
            let resolved = try ResolvedScope.resolve(scope, in: db)
            // The bucket is counted in SQL: the boundaries compare as the
            // stored timestamp text, and no row is decoded one by one.
            let inner = boundaries.dropFirst().dropLast()
            let bucket = inner.isEmpty ? "0" : "CASE " + inner.enumerated().map { index, _ in "WHEN created_at < ? THEN \(index)" }.joined(separator: " ") + " ELSE \(inner.count) END"
            var arguments = StatementArguments(Array(inner))
            arguments += [first, last]
            var sql = """
                SELECT person_id, \(bucket) AS bucket, COUNT(*) AS mentions, SUM(severity <> 'none') AS hostile
                FROM findings WHERE created_at >= ? AND created_at < ?
                """
            if let condition = resolved.personCondition {
                sql += " AND " + condition.sql
                arguments += condition.arguments
            }
            sql += " GROUP BY person_id, bucket"
            var result: [Int64: [HistoryCount]] = [:]
            let empty = [HistoryCount](repeating: HistoryCount(), count: boundaries.count - 1)
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let person: Int64 = row["person_id"]
                let index: Int = row["bucket"]
                result[person, default: empty][index] = HistoryCount(mentions: row["mentions"], hostile: row["hostile"])
            }
            return result
        }
    }

    /// The most serious findings of `[start, end)` at or above `minSeverity`:
    /// highest severity first, then the strongest attack, then the newest.
    public func topFindings(
        in scope: FindingScope, from start: Date, to end: Date, minSeverity: Severity = .low, limit: Int
    ) throws -> [FindingDetail] {
        try read { db in
            let resolved = try ResolvedScope.resolve(scope, in: db)
            let allowed = Severity.allCases.filter { $0 >= minSeverity }.map(\.rawValue)
            var arguments: StatementArguments = [start, end]
            arguments += StatementArguments(allowed)
            var sql = """
                SELECT id FROM findings WHERE created_at >= ? AND created_at < ?
                AND severity IN (\(allowed.map { _ in "?" }.joined(separator: ", ")))
                """
            if let condition = resolved.personCondition {
                sql += " AND " + condition.sql
                arguments += condition.arguments
            }
            sql += """
                 ORDER BY CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC,
                 attack DESC, created_at DESC, id DESC LIMIT ?
                """
            arguments += [limit]
            return try Int64.fetchAll(db, sql: sql, arguments: arguments).compactMap { try Self.fetchDetail(id: $0, in: db) }
        }
    }

    /// The findings of `[start, end)` in scope per person (by ID) and kind:
    /// at most `limits[kind]` of each kind per person (kinds not named are
    /// not listed; `findingCountsByPerson` counts them all). Attacks and
    /// coverage come highest severity first, then strongest attack, then
    /// newest; mentions newest first. People without findings are absent.
    public func findingsByPersonAndKind(
        in scope: FindingScope, from start: Date, to end: Date, limits: [FindingKind: Int]
    ) throws -> [Int64: FindingsByKind] {
        try read { db in
            let resolved = try ResolvedScope.resolve(scope, in: db)
            var arguments: StatementArguments = [start, end]
            var inPeriod = "f.created_at >= ? AND f.created_at < ?"
            if let condition = resolved.personCondition {
                inPeriod += " AND f." + condition.sql
                arguments += condition.arguments
            }
            var result: [Int64: FindingsByKind] = [:]
            let decoder = FindingRowDecoder()
            let select = """
                SELECT f.*, p.name AS listing_person, i.title AS listing_title, i.url AS listing_url,
                       i.author AS listing_author, fd.url AS listing_feed_url, fd.title AS listing_feed_title,
                       \(Self.relatedColumns)
                """
            let joins = """
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                \(Self.relatedJoins)
                """

            // Attacks and coverage are few: ranked in one pass, joined only for the rows kept.
            let ranked = [FindingKind.attack, .coverage].filter { (limits[$0] ?? 0) > 0 }
            if !ranked.isEmpty {
                let keep = "CASE r.kind " + ranked.map { "WHEN '\($0.rawValue)' THEN \(limits[$0] ?? 0)" }.joined(separator: " ") + " ELSE 0 END"
                let rows = try Row.fetchAll(db, sql: """
                    WITH r AS (
                        SELECT f.id, f.kind, ROW_NUMBER() OVER (
                                   PARTITION BY f.person_id, f.kind
                                   ORDER BY CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC,
                                            f.attack DESC, f.created_at DESC, f.id DESC) AS position
                        FROM findings f
                        WHERE f.kind IN (\(ranked.map { "'\($0.rawValue)'" }.joined(separator: ", "))) AND \(inPeriod)
                    )
                    \(select)
                    FROM r JOIN findings f ON f.id = r.id
                    \(joins)
                    WHERE r.position <= \(keep)
                    ORDER BY r.position
                    """, arguments: arguments)
                for row in rows {
                    let listing = Self.listing(row, finding: try decoder.finding(row))
                    result[listing.finding.personId, default: FindingsByKind()].listed[listing.finding.kind, default: []].append(listing)
                }
            }

            // Mentions are most of a busy week: read newest first per person
            // through the person index (`+f.kind` keeps the planner off the
            // kind index), a few rows each, never sorted whole.
            if let limit = limits[.mention], limit > 0 {
                // Everyone in scope: a seek per person costs less than finding who has findings.
                let people = try Int64.fetchAll(
                    db, sql: "SELECT person_id FROM (SELECT id AS person_id FROM people) \(resolved.personCondition.map { "WHERE " + $0.sql } ?? "")",
                    arguments: resolved.personCondition?.arguments ?? [])
                let statement = try db.cachedStatement(sql: """
                    \(select)
                    FROM findings f
                    \(joins)
                    WHERE f.person_id = ? AND +f.kind = 'mention' AND f.created_at >= ? AND f.created_at < ?
                    ORDER BY f.created_at DESC, f.id DESC LIMIT ?
                    """)
                for person in people {
                    let rows = try Row.fetchAll(statement, arguments: [person, start, end, limit])
                    guard !rows.isEmpty else { continue }
                    result[person, default: FindingsByKind()].listed[.mention] = try rows.map { Self.listing($0, finding: try decoder.finding($0)) }
                }
            }
            return result
        }
    }

    /// Findings by ID with whom and where, in the order asked; IDs with no
    /// finding are skipped. For a digest that names attacks found before its
    /// period because coverage in the period reports on them.
    public func findingListings(ids: [Int64]) throws -> [FindingListing] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.*, p.name AS listing_person, i.title AS listing_title, i.url AS listing_url,
                       i.author AS listing_author, fd.url AS listing_feed_url, fd.title AS listing_feed_title,
                       \(Self.relatedColumns)
                FROM findings f
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                \(Self.relatedJoins)
                WHERE f.id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))
                """, arguments: StatementArguments(ids))
            let decoder = FindingRowDecoder()
            let byID = Dictionary(uniqueKeysWithValues: try rows.map { row in
                let listing = Self.listing(row, finding: try decoder.finding(row))
                return (listing.finding.id!, listing)
            })
            return ids.compactMap { byID[$0] }
        }
    }

    /// Every source with findings in scope during `[start, end)`, with whom it
    /// mentioned and attacked and when vigil first saw it. Ordered by hostile
    /// findings, then highest severity, then name.
    public func sourceActivity(in scope: FindingScope, from start: Date, to end: Date) throws -> [SourceActivity] {
        try read { db in
            let resolved = try ResolvedScope.resolve(scope, in: db)
            var arguments: StatementArguments = [start, end]
            var sql = """
                SELECT f.severity, f.kind, p.name AS person, i.author, i.feed_id, COALESCE(NULLIF(fd.title, ''), fd.url) AS feed_name
                FROM findings f
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                WHERE f.created_at >= ? AND f.created_at < ?
                """
            if let condition = resolved.personCondition {
                sql += " AND f." + condition.sql
                arguments += condition.arguments
            }
            struct Key: Hashable {
                let kind: SourceActivity.Kind
                let name: String
                let feedID: Int64?
            }
            struct Tally {
                var name: String
                var feeds: [String] = []
                var mentioned: [String] = []
                var attacked: [String] = []
                var findings = 0
                var hostile = 0
                var highest = Severity.none
            }
            var tallies: [Key: Tally] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                let author = (row["author"] as String?)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let feedID: Int64 = row["feed_id"]
                let feedName: String = row["feed_name"]
                let key = author.isEmpty
                    ? Key(kind: .feed, name: feedName, feedID: feedID)
                    : Key(kind: .author, name: author, feedID: nil)
                let severity = Severity(rawValue: row["severity"]) ?? .none
                let person: String = row["person"]
                var tally = tallies[key] ?? Tally(name: key.name)
                if !tally.feeds.contains(feedName) { tally.feeds.append(feedName) }
                if !tally.mentioned.contains(person) { tally.mentioned.append(person) }
                tally.findings += 1
                if severity > .none {
                    tally.hostile += 1
                    // News about an attack is not an attack: a site that
                    // reports on two people's attackers attacked no one.
                    if row["kind"] == FindingKind.attack.rawValue, !tally.attacked.contains(person) { tally.attacked.append(person) }
                }
                tally.highest = max(tally.highest, severity)
                tallies[key] = tally
            }
            var result: [SourceActivity] = []
            for (key, tally) in tallies {
                let firstSeen: Date?
                if let feedID = key.feedID {
                    firstSeen = try Date.fetchOne(db, sql: "SELECT MIN(first_seen_at) FROM items WHERE feed_id = ? AND (author IS NULL OR trim(author) = '')", arguments: [feedID])
                } else {
                    firstSeen = try Date.fetchOne(db, sql: "SELECT MIN(first_seen_at) FROM items WHERE author = ?", arguments: [key.name])
                        ?? Date.fetchOne(db, sql: "SELECT MIN(first_seen_at) FROM items WHERE trim(author) = ?", arguments: [key.name])
                }
                result.append(SourceActivity(
                    kind: key.kind, name: tally.name, feeds: Self.sortedByName(tally.feeds),
                    peopleMentioned: Self.sortedByName(tally.mentioned), peopleAttacked: Self.sortedByName(tally.attacked),
                    findings: tally.findings, hostile: tally.hostile, highestSeverity: tally.highest,
                    firstSeenAt: firstSeen ?? start))
            }
            let keyed = result.map { (source: $0, key: Self.nameKey($0.name)) }
            return keyed.sorted { lhs, rhs in
                if lhs.source.hostile != rhs.source.hostile { return lhs.source.hostile > rhs.source.hostile }
                if lhs.source.highestSeverity != rhs.source.highestSeverity { return lhs.source.highestSeverity > rhs.source.highestSeverity }
                if lhs.source.findings != rhs.source.findings { return lhs.source.findings > rhs.source.findings }
                return (lhs.key, lhs.source.name) < (rhs.key, rhs.source.name)
            }.map(\.source)
        }
    }

    /// Names in reading order regardless of case and accents. The key is
    /// computed once per name: locale-aware comparison is far too slow to
    /// run inside a sort over thousands of sources.
    static func sortedByName(_ names: [String]) -> [String] {
        names.map { (name: $0, key: nameKey($0)) }.sorted { ($0.key, $0.name) < ($1.key, $1.name) }.map(\.name)
    }

    static func nameKey(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
