import Foundation
import GRDB

/// Typed reads and writes of `related_finding_id` inside a transaction that
/// is already running (the commit of a poll), so that the link between a
/// coverage finding and the attack it covers is stored with the finding.
///
/// The store only reads and writes; which finding relates to which is the
/// caller's policy. A value is valid only inside the closure it was handed
/// to: it holds the transaction's connection.
public struct RelatedFindings {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    /// Findings of one person and kind created in `[from, through]`, newest
    /// first; with `withoutRelated`, only those that point at no finding yet.
    public func findings(
        personID: Int64, kind: FindingKind, createdFrom from: Date, through: Date, withoutRelated: Bool = false
    ) throws -> [LinkableFinding] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.id, f.person_id, f.kind, f.created_at, f.related_finding_id, f.evidence, i.url, i.text
            FROM findings f JOIN items i ON i.id = f.item_id
            WHERE f.person_id = ? AND f.kind = ? AND f.created_at >= ? AND f.created_at <= ?
            \(withoutRelated ? "AND f.related_finding_id IS NULL" : "")
            ORDER BY f.created_at DESC, f.id DESC
            """, arguments: [personID, kind.rawValue, from, through])
        let decoder = JSONDecoder()
        return try rows.map { row in
            let evidenceText: String = row["evidence"]
            return LinkableFinding(
                id: row["id"], personID: row["person_id"], kind: kind, createdAt: row["created_at"],
                relatedFindingID: row["related_finding_id"], itemURL: row["url"], itemText: row["text"],
                evidence: try decoder.decode([Evidence].self, from: Data(evidenceText.utf8)))
        }
    }

    /// Points `findingID` at `relatedID`, or at nothing.
    public func setRelatedFinding(_ findingID: Int64, to relatedID: Int64?) throws {
        try Store.setRelatedFinding(findingID, to: relatedID, in: db)
    }

    /// Makes every finding that points at `findingID` point at nothing: for
    /// a finding that an edit turned from an attack into something else.
    public func clearRelations(to findingID: Int64) throws {
        try db.execute(sql: "UPDATE findings SET related_finding_id = NULL WHERE related_finding_id = ?", arguments: [findingID])
    }
}
