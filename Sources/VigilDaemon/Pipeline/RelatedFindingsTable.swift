import Foundation
import VigilStore

/// The findings a poll's coverage links may touch, held in memory while the
/// poll is planned: the snapshot's attack and coverage findings about the
/// mentioned people, plus the poll's own findings as the plan stores them.
/// Each change is recorded, in order, as a write for the plan.
public struct RelatedFindingsTable: Sendable {
    private var rows: [Int64: LinkableFinding] = [:]
    /// The changes made, in order.
    public private(set) var writes: [PlannedRelation] = []

    public init(_ findings: [LinkableFinding]) {
        for finding in findings { rows[finding.id] = finding }
    }

    /// Adds or replaces a finding as the plan stores it.
    public mutating func store(_ finding: LinkableFinding) {
        rows[finding.id] = finding
    }

    /// The finding `id` points at now, or nil; `fallback` when the table does not hold it.
    public func relatedFindingID(of id: Int64, fallback: Int64?) -> Int64? {
        guard let row = rows[id] else { return fallback }
        return row.relatedFindingID
    }

    /// Findings of one person and kind created in `[from, through]`, newest
    /// first; with `withoutRelated`, only those that point at no finding yet.
    public func findings(
        personID: Int64, kind: FindingKind, createdFrom from: Date, through: Date, withoutRelated: Bool = false
    ) -> [LinkableFinding] {
        rows.values
            .filter {
                $0.personID == personID && $0.kind == kind && $0.createdAt >= from && $0.createdAt <= through
                    && (!withoutRelated || $0.relatedFindingID == nil)
            }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    /// Points `findingID` at `relatedID`, or at nothing.
    public mutating func setRelatedFinding(_ findingID: Int64, to relatedID: Int64?) {
        rows[findingID]?.relatedFindingID = relatedID
        writes.append(.set(finding: findingID, to: relatedID))
    }

    /// Makes every finding that points at `findingID` point at nothing: for
    /// a finding that an edit turned from an attack into something else.
    public mutating func clearRelations(to findingID: Int64) {
        for (id, row) in rows where row.relatedFindingID == findingID { rows[id]?.relatedFindingID = nil }
        writes.append(.clearAll(to: findingID))
    }
}
