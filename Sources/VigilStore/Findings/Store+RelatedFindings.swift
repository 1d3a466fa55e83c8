import Foundation
import GRDB

extension Store {
    /// Points a finding at the finding it relates to (for coverage, the
    /// attack it covers), or at nothing. Both findings must exist.
    public func setRelatedFinding(_ findingID: Int64, to relatedID: Int64?) throws {
        try write { db in try Self.setRelatedFinding(findingID, to: relatedID, in: db) }
    }

    static func setRelatedFinding(_ findingID: Int64, to relatedID: Int64?, in db: Database) throws {
        if let relatedID {
            guard relatedID != findingID else { throw StoreError.badInput("finding \(findingID) cannot relate to itself") }
            try requireFindings([relatedID], in: db)
        }
        try db.execute(sql: "UPDATE findings SET related_finding_id = ? WHERE id = ?", arguments: [relatedID, findingID])
        guard db.changesCount > 0 else { throw StoreError.badInput("no finding with ID \(findingID)") }
    }
}
