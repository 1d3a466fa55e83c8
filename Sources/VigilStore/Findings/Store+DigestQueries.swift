import Foundation
import VigilAssessment

/// The aggregates a digest is built from. Periods are half-open, `[start, end)`,
/// on the time vigil created the finding (feeds' own dates are too often
/// missing or wrong to count on).
extension Store {
    /// The scope with names as stored (`.person("ada lovelace")` becomes
    /// `.person("Ada Lovelace")`), or an input error naming what is unknown.
    public func resolve(_ scope: FindingScope) throws -> FindingScope {
        try reading { session in try ResolvedScope.resolve(scope, in: session).scope }
    }

    /// The people a scope covers, with their teams, ordered by name.
    public func people(in scope: FindingScope) throws -> [PersonEntry] {
        try reading { session in try ResolvedScope.resolve(scope, in: session).people(in: session) }
    }

    /// Counts per person (by person ID) for findings created in `[start, end)`.
    /// People without findings are absent.
    public func findingCountsByPerson(
        in scope: FindingScope, from start: Date, to end: Date, agentThreshold: Double
    ) throws -> [Int64: FindingCounts] {
        try reading { session in
            let resolved = try ResolvedScope.resolve(scope, in: session)
            var arguments: [any SQLValueConvertible] = [agentThreshold, agentThreshold, start, end]
            var sql = """
                SELECT person_id, COUNT(*) AS mentions,
                       SUM(CASE WHEN severity = 'low' THEN 1 ELSE 0 END) AS low,
                       SUM(CASE WHEN severity = 'medium' THEN 1 ELSE 0 END) AS medium,
                       SUM(CASE WHEN severity = 'high' THEN 1 ELSE 0 END) AS high,
                       SUM(CASE WHEN agent >= ? THEN 1 ELSE 0 END) AS agent_like,
                       SUM(CASE WHEN agent >= ? AND severity <> 'none' THEN 1 ELSE 0 END) AS agent_like_hostile,
                       SUM(CASE WHEN kind = 'attack' THEN 1 ELSE 0 END) AS attacks,
                       SUM(CASE WHEN kind = 'coverage' THEN 1 ELSE 0 END) AS coverage
                FROM findings WHERE created_at >= ? AND created_at < ?
                """
            if let condition = resolved.personCondition {
                sql += " AND " + condition.sql
                arguments += condition.arguments
            }
            sql += " GROUP BY person_id"
            var result: [Int64: FindingCounts] = [:]
            for row in try session.rows(sql, arguments) {
                func count(_ column: String) throws -> Int { try row.get(column, as: Int.self) }
                result[try row.get("person_id", as: Int64.self)] = FindingCounts(
                    mentions: try count("mentions"), low: try count("low"), medium: try count("medium"), high: try count("high"),
                    agentLike: try count("agent_like"), agentLikeHostile: try count("agent_like_hostile"),
                    attacks: try count("attacks"), coverage: try count("coverage"))
            }
            return result
        }
    }

    /// Mentions and hostile findings per person in each period between
    /// consecutive `boundaries` (ascending): `boundaries.count - 1` entries
    /// per person, oldest first. People without findings are absent.
    public func findingHistoryByPerson(in scope: FindingScope, boundaries: [Date]) throws -> [Int64: [HistoryCount]] {
        guard boundaries.count >= 2, let first = boundaries.first, let last = boundaries.last else { return [:] }
        return try reading { session in
            let resolved = try ResolvedScope.resolve(scope, in: session)
            // The bucket is counted in SQL: the boundaries compare as the
            // stored timestamp text, and no row is decoded one by one.
            let inner = boundaries.dropFirst().dropLast()
            let bucket = inner.isEmpty ? "0" : "CASE " + inner.enumerated().map { index, _ in "WHEN created_at < ? THEN \(index)" }.joined(separator: " ") + " ELSE \(inner.count) END"
            var arguments: [any SQLValueConvertible] = Array(inner)
            arguments += [first, last]
            var sql = """
                SELECT person_id, \(bucket) AS bucket, COUNT(*) AS mentions, SUM(CASE WHEN severity <> 'none' THEN 1 ELSE 0 END) AS hostile
                FROM findings WHERE created_at >= ? AND created_at < ?
                """
            if let condition = resolved.personCondition {
                sql += " AND " + condition.sql
                arguments += condition.arguments
            }
            sql += " GROUP BY person_id, bucket"
            var result: [Int64: [HistoryCount]] = [:]
            let empty = [HistoryCount](repeating: HistoryCount(), count: boundaries.count - 1)
            for row in try session.rows(sql, arguments) {
                let person = try row.get("person_id", as: Int64.self)
                let index = try row.get("bucket", as: Int.self)
                result[person, default: empty][index] = HistoryCount(
                    mentions: try row.get("mentions", as: Int.self), hostile: try row.get("hostile", as: Int.self))
            }
            return result
        }
    }

    /// The most serious findings of `[start, end)` at or above `minSeverity`:
    /// highest severity first, then the strongest attack, then the newest.
    public func topFindings(
        in scope: FindingScope, from start: Date, to end: Date, minSeverity: Severity = .low, limit: Int
    ) throws -> [FindingDetail] {
        try reading { session in
            let resolved = try ResolvedScope.resolve(scope, in: session)
            let allowed = SQLList(Severity.allCases.filter { $0 >= minSeverity }.map(\.rawValue))
            var arguments: [any SQLValueConvertible] = [start, end] + allowed.values
            var sql = """
                SELECT id FROM findings WHERE created_at >= ? AND created_at < ?
                AND \(allowed.contains("severity"))
                """
            if let condition = resolved.personCondition {
                sql += " AND " + condition.sql
                arguments += condition.arguments
            }
            sql += """
                 ORDER BY CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC,
                 attack DESC, created_at DESC, id DESC LIMIT ?
                """
            arguments.append(limit)
            return try session.values(Int64.self, sql, arguments).compactMap { try Self.fetchDetail(id: $0, in: session) }
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
        try reading { session in
            let resolved = try ResolvedScope.resolve(scope, in: session)
            var arguments: [any SQLValueConvertible] = [start, end]
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
                let rows = try session.rows("""
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
                    """, arguments)
                for row in rows {
                    let listing = try Self.listing(row, finding: try decoder.finding(row))
                    result[listing.finding.personId, default: FindingsByKind()].listed[listing.finding.kind, default: []].append(listing)
                }
            }

            // Mentions are most of a busy week: read newest first per person
            // through the person index (on SQLite `+f.kind` keeps the planner
            // off the kind index; PostgreSQL has no such operator on text and
            // needs no such hint), a few rows each, never sorted whole.
            if let limit = limits[.mention], limit > 0 {
                // Everyone in scope: a seek per person costs less than finding who has findings.
                let people = try session.values(
                    Int64.self,
                    "SELECT person_id FROM (SELECT id AS person_id FROM people) AS everyone \(resolved.personCondition.map { "WHERE " + $0.sql } ?? "")",
                    resolved.personCondition?.arguments ?? [])
                let kind = session.kind == .sqlite ? "+f.kind" : "f.kind"
                let sql = """
                    \(select)
                    FROM findings f
                    \(joins)
                    WHERE f.person_id = ? AND \(kind) = 'mention' AND f.created_at >= ? AND f.created_at < ?
                    ORDER BY f.created_at DESC, f.id DESC LIMIT ?
                    """
                for person in people {
                    let rows = try session.rows(sql, [person, start, end, limit])
                    guard !rows.isEmpty else { continue }
                    result[person, default: FindingsByKind()].listed[.mention] = try rows.map { try Self.listing($0, finding: try decoder.finding($0)) }
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
        return try reading { session in
            let list = SQLList(ids)
            let rows = try session.rows("""
                SELECT f.*, p.name AS listing_person, i.title AS listing_title, i.url AS listing_url,
                       i.author AS listing_author, fd.url AS listing_feed_url, fd.title AS listing_feed_title,
                       \(Self.relatedColumns)
                FROM findings f
                JOIN people p ON p.id = f.person_id
                JOIN items i ON i.id = f.item_id
                JOIN feeds fd ON fd.id = i.feed_id
                \(Self.relatedJoins)
                WHERE \(list.contains("f.id"))
                """, list.values)
            let decoder = FindingRowDecoder()
            let byID = Dictionary(uniqueKeysWithValues: try rows.map { row in
                let listing = try Self.listing(row, finding: try decoder.finding(row))
                return (listing.finding.id!, listing)
            })
            return ids.compactMap { byID[$0] }
        }
    }

    /// Every source with findings in scope during `[start, end)`, with whom it
    /// mentioned and attacked and when vigil first saw it. Ordered by hostile
    /// findings, then highest severity, then name.
    public func sourceActivity(in scope: FindingScope, from start: Date, to end: Date) throws -> [SourceActivity] {
        try reading { session in
            let resolved = try ResolvedScope.resolve(scope, in: session)
            var arguments: [any SQLValueConvertible] = [start, end]
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
            for row in try session.rows(sql, arguments) {
                let author = try row.get("author", as: String?.self)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let feedID = try row.get("feed_id", as: Int64.self)
                let feedName = try row.get("feed_name", as: String.self)
                let key = author.isEmpty
                    ? Key(kind: .feed, name: feedName, feedID: feedID)
                    : Key(kind: .author, name: author, feedID: nil)
                let severity = Severity(rawValue: try row.get("severity", as: String.self)) ?? .none
                let person = try row.get("person", as: String.self)
                var tally = tallies[key] ?? Tally(name: key.name)
                if !tally.feeds.contains(feedName) { tally.feeds.append(feedName) }
                if !tally.mentioned.contains(person) { tally.mentioned.append(person) }
                tally.findings += 1
                if severity > .none {
                    tally.hostile += 1
                    // News about an attack is not an attack: a site that
                    // reports on two people's attackers attacked no one.
                    if try row.get("kind", as: String.self) == FindingKind.attack.rawValue, !tally.attacked.contains(person) { tally.attacked.append(person) }
                }
                tally.highest = max(tally.highest, severity)
                tallies[key] = tally
            }
            var result: [SourceActivity] = []
            for (key, tally) in tallies {
                let firstSeen: Date?
                if let feedID = key.feedID {
                    firstSeen = try session.value(
                        Date.self, "SELECT MIN(first_seen_at) FROM items WHERE feed_id = ? AND (author IS NULL OR trim(author) = '')", [feedID])
                } else {
                    firstSeen = try session.value(Date.self, "SELECT MIN(first_seen_at) FROM items WHERE author = ?", [key.name])
                        ?? session.value(Date.self, "SELECT MIN(first_seen_at) FROM items WHERE trim(author) = ?", [key.name])
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
